import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { KnowledgeBase } from '../../src/core/types.js';
import { articleKey } from '../../src/retrieval/expansion/article-terms.js';
import type { Tokenizer } from '../../src/retrieval/index.js';
import { splitOf } from '../bench/split.js';
import { loadStard } from '../bench/stard.js';
import { createLawResolver } from '../lib/gold-matcher.js';
import { loadCases } from '../lib/load-cases.js';
import type { TermPair } from './translation-table.js';

export interface PairSource {
  readonly source: string;
  readonly pairs: TermPair[];
}

/** Extra filter on ids, on top of the frozen split (e.g. hold out a dev slice of train for tuning). */
export type IdFilter = (id: string) => boolean;

/**
 * Question -> gold-article term pairs from the TRAIN split only:
 * STARD (gold article text as STARD pairs it; when the file exists) and
 * the Chinese cases of eval/datasets (gold article text from knowledge/).
 */
export function collectTrainingPairs(options: {
  readonly stardFile: string;
  readonly datasetsDir: string;
  readonly kb: KnowledgeBase;
  readonly zh: Tokenizer;
  readonly include?: IdFilter;
}): PairSource[] {
  const { zh } = options;
  const include = (id: string) => splitOf(id) === 'train' && (options.include?.(id) ?? true);
  const sources: PairSource[] = [];
  if (existsSync(options.stardFile)) {
    const pairs = loadStard(options.stardFile)
      .filter((q) => include(q.id))
      .flatMap((q) =>
        q.goldItems.map((g) => ({
          question: zh.tokenizeQuery(q.question),
          article: zh.tokenizeDocument(g.text),
          articleKey: g.ref ? articleKey(g.ref.law, g.ref.article) : undefined,
        })),
      );
    sources.push({ source: 'STARD train split', pairs });
  }
  const resolve = createLawResolver(options.kb.documents);
  const byId = new Map(options.kb.passages.map((p) => [p.id, p]));
  for (const file of ['real-dev.jsonl', 'worker-questions.jsonl']) {
    const path = join(options.datasetsDir, file);
    if (!existsSync(path)) continue;
    const pairs = loadCases(path)
      .filter((c) => c.lang !== 'vi' && include(c.id))
      .flatMap((c) =>
        c.gold_refs
          .filter((g) => g.in_corpus !== false && g.stale !== true)
          .flatMap((g) => {
            const doc = resolve(g);
            const passage = doc ? byId.get(`${doc}#${g.article}`) : undefined;
            return passage
              ? [
                  {
                    question: zh.tokenizeQuery(c.question),
                    article: zh.tokenizeDocument(`${passage.law} ${passage.text}`),
                    articleKey: articleKey(passage.title, g.article),
                  },
                ]
              : [];
          }),
      );
    sources.push({ source: `${file.replace('.jsonl', '')} train split (zh)`, pairs });
  }
  return sources;
}
