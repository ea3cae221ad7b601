import { z } from 'zod';
import { answerPolicySchema, type AnswerPolicy } from './answer-policy-schema.js';
import { definedEnv, invalidVariable, parseEnv } from './config-error.js';

/** The policy variables that existed before the policy (same names, ranges and defaults as then). */
const singleVariables = z.object({
  MIN_ANSWER_CONFIDENCE: z.coerce.number().min(0).max(1).optional(),
  MAX_CITATIONS: z.coerce.number().int().min(1).max(5).optional(),
  MAX_MESSAGE_CHARS: z.coerce.number().int().min(50).max(100_000).optional(),
});

const FIELD_OF = {
  MIN_ANSWER_CONFIDENCE: 'minAnswerConfidence',
  MAX_CITATIONS: 'maxCitations',
  MAX_MESSAGE_CHARS: 'maxMessageChars',
} as const;

/**
 * The answer policy (src/answer/answer-policy.ts) from the environment:
 * ANSWER_POLICY_JSON (a JSON object with any of the policy's fields) over the
 * defaults, then MIN_ANSWER_CONFIDENCE, MAX_CITATIONS and MAX_MESSAGE_CHARS
 * over that. Errors are ConfigErrors naming the variable (and the field).
 */
export function loadAnswerPolicy(env: Record<string, string | undefined>): AnswerPolicy {
  const defined = definedEnv(env);
  const singles = parseEnv(singleVariables, defined);
  let fromJson: unknown = {};
  if (defined.ANSWER_POLICY_JSON !== undefined) {
    try {
      fromJson = JSON.parse(defined.ANSWER_POLICY_JSON);
    } catch (error) {
      throw invalidVariable(
        'ANSWER_POLICY_JSON',
        `not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    if (typeof fromJson !== 'object' || fromJson === null || Array.isArray(fromJson)) {
      throw invalidVariable('ANSWER_POLICY_JSON', 'must be a JSON object of policy fields (docs/answer-policy.md)');
    }
  }
  const result = answerPolicySchema.safeParse(fromJson);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.join('.');
    throw invalidVariable('ANSWER_POLICY_JSON', `${field ? `${field}: ` : ''}${issue?.message ?? 'invalid value'}`);
  }
  const policy = { ...result.data };
  for (const [variable, field] of Object.entries(FIELD_OF) as [
    keyof typeof FIELD_OF,
    (typeof FIELD_OF)[keyof typeof FIELD_OF],
  ][]) {
    const value = singles[variable];
    if (value !== undefined) policy[field] = value;
  }
  return Object.freeze(policy);
}
