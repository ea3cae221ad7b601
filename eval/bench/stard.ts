import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { DocumentMeta, KnowledgeBase } from '../../src/core/types.js';
import { parseChineseNumeral } from '../../src/language/chinese-numerals.js';
import { lawTitleKey } from '../lib/law-title.js';
import { percentile } from '../metrics/summarize.js';
import { splitOf, type Split } from './split.js';

const stardLineSchema = z.object({
  id: z.string().min(1),
  question: z.string().min(1),
  gold: z.array(z.object({ ref: z.string().min(1), text: z.string() })).min(1),
});

/** A gold article as STARD names it: law title + article number. */
export interface StardRef {
  readonly law: string;
  readonly article: number;
}

export interface StardQuestion {
  readonly id: string;
  readonly question: string;
  readonly split: Split;
  readonly gold: readonly StardRef[];
  /** Gold refs with the article text STARD pairs them with (used by the trainer only, train split). */
  readonly goldItems: readonly { readonly ref: StardRef | undefined; readonly text: string }[];
}

const REF = /^(.+?)第([零〇一二两三四五六七八九十百千\d]+)条/u;

/** Parses `中华人民共和国民法典第五十四条` into `{ law: '中华人民共和国民法典', article: 54 }`. */
export function parseStardRef(ref: string): StardRef | undefined {
  const m = REF.exec(ref.trim());
  const article = m ? parseChineseNumeral(m[2]!) : undefined;
  return m && article !== undefined ? { law: m[1]!, article } : undefined;
}

/** Reads STARD's queries.jsonl; a bad line is an error naming its line number. */
export function loadStard(path: string): StardQuestion[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .flatMap((line, i) => {
      if (line.trim() === '') return [];
      const parsed = stardLineSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${path}:${i + 1}: ${parsed.error.issues[0]?.message}`);
      const gold = parsed.data.gold.flatMap((g) => {
        const ref = parseStardRef(g.ref);
        return ref ? [ref] : [];
      });
      return [
        {
          id: parsed.data.id,
          question: parsed.data.question,
          split: splitOf(parsed.data.id),
          gold,
          goldItems: parsed.data.gold.map((g) => ({ ref: parseStardRef(g.ref), text: g.text })),
        },
      ];
    });
}

/**
 * Resolves STARD refs to passage ids of a knowledge base. Titles compare by
 * {@link lawTitleKey} against each document's short title, full title and
 * aliases; every document under that title counts (the Civil Code is one
 * file per part, each with the Code's own article numbers).
 */
export function createStardResolver(kb: Pick<KnowledgeBase, 'documents' | 'passages'>): (ref: StardRef) => string[] {
  const byKey = new Map<string, DocumentMeta[]>();
  for (const d of kb.documents) {
    for (const key of new Set([d.law, d.title, ...d.aliases].map(lawTitleKey)))
      byKey.set(key, [...(byKey.get(key) ?? []), d]);
  }
  const ids = new Set(kb.passages.map((p) => p.id));
  return (ref) =>
    (byKey.get(lawTitleKey(ref.law)) ?? []).map((d) => `${d.docId}#${ref.article}`).filter((id) => ids.has(id));
}

/** Ranking quality and latency of one engine on a set of questions. */
export interface RankingStats {
  readonly n: number;
  readonly recallAt1: number;
  readonly recallAt5: number;
  readonly recallAt10: number;
  readonly recallAt100: number;
  readonly mrrAt10: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
}

/** A question ready to score: text and the passage ids any of which is a hit. */
export interface RankedQuestion {
  readonly id: string;
  readonly text: string;
  readonly gold: ReadonlySet<string>;
}

/**
 * STARD's metric: a question is a hit at k when ANY gold article is in the
 * first k results; MRR@10 uses the first gold article's rank.
 */
export async function scoreRanking(
  questions: readonly RankedQuestion[],
  search: (text: string) => Promise<readonly string[]> | readonly string[],
): Promise<RankingStats> {
  const at = { 1: 0, 5: 0, 10: 0, 100: 0 };
  let mrr = 0;
  const latencies: number[] = [];
  for (const q of questions) {
    const t0 = performance.now();
    const ids = await search(q.text);
    latencies.push(performance.now() - t0);
    const rank = ids.slice(0, 100).findIndex((id) => q.gold.has(id)) + 1;
    if (rank === 0) continue;
    for (const k of [1, 5, 10, 100] as const) if (rank <= k) at[k] += 1;
    if (rank <= 10) mrr += 1 / rank;
  }
  const n = questions.length;
  const r = (x: number) => (n === 0 ? 0 : Number((x / n).toFixed(3)));
  const ms = (p: number) => Number((percentile(latencies, p) ?? 0).toFixed(2));
  return {
    n,
    recallAt1: r(at[1]),
    recallAt5: r(at[5]),
    recallAt10: r(at[10]),
    recallAt100: r(at[100]),
    mrrAt10: r(mrr),
    p50Ms: ms(50),
    p95Ms: ms(95),
  };
}

/**
 * STARD questions with their gold passage ids in `kb`. `all`: keep only
 * questions whose every gold article resolves (the labor subset); `any`:
 * keep every question, one whose gold resolves nowhere counting as a miss
 * (the full corpus, where every gold article should exist).
 */
export function resolveStard(
  questions: readonly StardQuestion[],
  kb: Pick<KnowledgeBase, 'documents' | 'passages'>,
  mode: 'all' | 'any',
): (RankedQuestion & { split: Split })[] {
  const resolve = createStardResolver(kb);
  return questions.flatMap((q) => {
    const perRef = q.gold.map(resolve);
    if (mode === 'all' && (perRef.length === 0 || perRef.some((ids) => ids.length === 0))) return [];
    return [{ id: q.id, text: q.question, split: q.split, gold: new Set(perRef.flat()) }];
  });
}
