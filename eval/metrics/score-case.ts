import type { Passage } from '../../src/core/types.js';
import { detectLang } from '../../src/language/detect-lang.js';
import type { EvalCase } from '../lib/case-schema.js';
import type { BotResult, ScoredCase } from './types.js';

export interface ScoringContext {
  /** Maps a gold reference to a document id (undefined when not in the knowledge base). */
  resolveGold(ref: EvalCase['gold_refs'][number]): string | undefined;
  /** Maps a citation's short law title to a document id. */
  resolveLaw(law: string): string | undefined;
  readonly passages: ReadonlyMap<string, Passage>;
}

/** Gold refs that count for retrieval: in the knowledge base and not superseded. */
function goldIdsOf(c: EvalCase, ctx: ScoringContext): string[] {
  const ids: string[] = [];
  for (const ref of c.gold_refs) {
    if (ref.in_corpus === false || ref.stale === true) continue;
    const doc = ctx.resolveGold(ref);
    const id = doc ? `${doc}#${ref.article}` : undefined;
    if (id && ctx.passages.has(id)) ids.push(id);
  }
  return ids;
}

/** Scores one case: retrieval rank, citation validity, facts, escalation, refusal, language. */
export function scoreCase(dataset: string, c: EvalCase, result: BotResult, ctx: ScoringContext): ScoredCase {
  const goldIds = goldIdsOf(c, ctx);
  const retrieved = (result.retrieved ?? []).slice(0, 10).map((r) => r.passageId);
  const rankIndex = retrieved.findIndex((id) => goldIds.includes(id));
  const citedIds: string[] = [];
  const invalidCitations: string[] = [];
  for (const cit of result.citations ?? []) {
    if (cit.article === undefined) continue; // service passages are cited by title
    const doc = ctx.resolveLaw(cit.law);
    const id = doc ? `${doc}#${cit.article}` : `${cit.law}#${cit.article}`;
    citedIds.push(id);
    const p = ctx.passages.get(id);
    if (!p || !p.inForce) invalidCitations.push(id);
  }
  const answer = result.answer ?? '';
  // The expected language breaks ties: an answer with no script-specific character is not a mismatch.
  const detected = detectLang(answer, c.lang).lang;
  // Text without any letter (a hotline number) has no language to mismatch; English or other letters do.
  const languageMatch =
    result.language === c.lang && (detected === c.lang || (detected === null && !/\p{L}/u.test(answer)));
  const failed: string[] = [];
  if (result.error) failed.push(`error: ${result.error}`);
  for (const fact of c.must_contain) if (!answer.includes(fact)) failed.push(`missing fact "${fact}"`);
  for (const fact of c.must_not_contain) if (answer.includes(fact)) failed.push(`states forbidden "${fact}"`);
  if (c.expect_escalate && result.escalate !== c.expect_escalate)
    failed.push(`escalate ${result.escalate} != ${c.expect_escalate}`);
  if (c.expect_refusal && result.mode !== 'refusal') failed.push(`not refused (mode ${result.mode})`);
  if (!c.expect_refusal && result.mode === 'refusal' && goldIds.length > 0) failed.push('wrongly refused');
  if (invalidCitations.length > 0) failed.push(`invalid citations ${invalidCitations.join(', ')}`);
  if (!languageMatch) failed.push(`language ${result.language}/${detected} != ${c.lang}`);
  if (goldIds.length > 0 && (rankIndex < 0 || rankIndex >= 5)) failed.push('gold not in top 5');
  return {
    dataset,
    case: c,
    result,
    goldIds,
    goldRank: rankIndex >= 0 ? rankIndex + 1 : null,
    invalidCitations,
    citedIds,
    languageMatch,
    failedChecks: failed,
  };
}
