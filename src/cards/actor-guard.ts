import type { Lang } from '../core/types.js';
import type { ActorCueRule } from '../knowledge/card-schema.js';
import { normaliseText, type NormalisedText } from '../language/normalise-text.js';
import { compilePhrases } from '../language/phrase-matcher.js';

/** A demoted card keeps this share of its confidence. */
const DEMOTION = 0.5;

/** Confidence factor of a card for a question: 1, or less when the question is about the other party ending the job. */
export type ActorGuard = (text: string, lang: Lang, cardId: string) => number;

export const NO_ACTOR_GUARD: ActorGuard = () => 1;

/** Builds the guard from reviewed rules (Chinese questions only; Vietnamese cards are not named in them). */
export function createActorGuard(rules: readonly ActorCueRule[]): ActorGuard {
  // The shared phrase matcher: Traditional and full-width text match the Simplified cues.
  const compiled = rules.map((r) => ({
    demote: r.demote,
    cues: compilePhrases(r.cues),
    unless: compilePhrases(r.unless),
  }));
  // The guard is asked once per candidate card of the same question: normalise that question once.
  let last: { text: string; normalised: NormalisedText } | undefined;
  return (text, lang, cardId) => {
    if (lang === 'vi') return 1;
    if (last?.text !== text) last = { text, normalised: normaliseText(text) };
    const { normalised } = last;
    const demoted = compiled.some(
      (r) => r.demote.includes(cardId) && r.cues.test(normalised) && !r.unless.test(normalised),
    );
    return demoted ? DEMOTION : 1;
  };
}
