import { z } from 'zod';

/** The structured answer the model must return. */
export const draftSchema = z.object({
  answer: z.string().min(1).max(4000),
  cited: z.array(z.number().int()).default([]),
  confidence: z.number().min(0).max(1).default(0.5),
  needs_person: z.boolean().default(false),
  needs_person_reason: z.string().optional(),
  clarifying_question: z.string().optional(),
});

export type Draft = z.infer<typeof draftSchema>;

export type ParseResult<T> = { success: true; value: T } | { success: false; error: string };

/**
 * Parses model output defensively: tolerates code fences and text around the
 * JSON object, then validates with zod.
 */
export function parseModelJson<T>(raw: string, schema: z.ZodType<T>): ParseResult<T> {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/u.exec(raw)?.[1] ?? raw;
  const start = fenced.indexOf('{');
  const end = fenced.lastIndexOf('}');
  if (start < 0 || end <= start) return { success: false, error: 'no JSON object in the reply' };
  let value: unknown;
  try {
    value = JSON.parse(fenced.slice(start, end + 1));
  } catch (error) {
    return { success: false, error: `invalid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = schema.safeParse(value);
  return parsed.success
    ? { success: true, value: parsed.data }
    : { success: false, error: `schema: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}` };
}
