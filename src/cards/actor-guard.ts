import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Lang } from '../core/types.js';
import { toSimplified } from '../language/script.js';
import { readJsonFile } from '../knowledge/read-json-file.js';

const ruleSchema = z.strictObject({
  id: z.string().min(1),
  cues: z.array(z.string().min(1)).min(1),
  unless: z.array(z.string().min(1)),
  demote: z.array(z.string().min(1)).min(1),
});
const fileSchema = z.strictObject({ _note: z.string().optional(), rules: z.array(ruleSchema) });

/** A demoted card keeps this share of its confidence. */
const DEMOTION = 0.5;

/** Confidence factor of a card for a question: 1, or less when the question is about the other party ending the job. */
export type ActorGuard = (text: string, lang: Lang, cardId: string) => number;

export const NO_ACTOR_GUARD: ActorGuard = () => 1;

/** Builds the guard from reviewed rules (Chinese questions only; Vietnamese cards are not named in them). */
export function createActorGuard(rules: z.infer<typeof fileSchema>['rules']): ActorGuard {
  return (text, lang, cardId) => {
    if (lang === 'vi') return 1;
    const folded = toSimplified(text);
    const says = (cues: readonly string[]) => cues.some((c) => folded.includes(c));
    const demoted = rules.some((r) => r.demote.includes(cardId) && says(r.cues) && !says(r.unless));
    return demoted ? DEMOTION : 1;
  };
}

/** Loads knowledge/cards/zh-actor-cues.json (no file: no guard); a card id it names must exist. */
export function loadActorGuard(knowledgeDir: string, cardIds: ReadonlySet<string>): ActorGuard {
  const path = join(knowledgeDir, 'cards', 'zh-actor-cues.json');
  if (!existsSync(path)) return NO_ACTOR_GUARD;
  const cues = readJsonFile(path, fileSchema);
  for (const r of cues.rules) {
    for (const id of r.demote) if (!cardIds.has(id)) throw new Error(`${path}: rule ${r.id} names unknown card ${id}`);
  }
  return createActorGuard(cues.rules);
}
