/**
 * npx tsx eval/train/tune-expansion.ts --corpus-dir DIR [--shared ../shared]
 *
 * Chooses the learned-expansion and feedback weights WITHOUT touching the
 * test split: the table is trained on train minus its tuning slice
 * (isTuningDev, buckets 30..44), and each setting is scored on that slice
 * (STARD, full PRC corpus). Prints one line per setting.
 * --grid articles: compares learned article vocabularies (document expansion) instead.
 */
import { loadDictionaries } from '../../src/knowledge/load-dict.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadKnowledge } from '../../src/ingest/load-knowledge.js';
import { createLearnedExpander } from '../../src/retrieval/expansion/learned-expander.js';
import { createZhTokenizer, loadOrBuildRetriever, type HybridWeights } from '../../src/retrieval/index.js';
import { loadZhCorpusDir } from '../bench/big-corpus.js';
import { isTuningDev } from '../bench/split.js';
import { loadStard, resolveStard, scoreRanking } from '../bench/stard.js';
import { TRAINING_OPTIONS } from './training-options.js';
import { collectTrainingPairs } from './training-pairs.js';
import {
  trainArticleTerms,
  trainTranslationTable,
  type ArticleTermOptions,
  type TranslationOptions,
} from './translation-table.js';
import { createArticleTerms } from '../../src/retrieval/expansion/article-terms.js';

const { values } = parseArgs({
  options: {
    shared: { type: 'string', default: join('..', 'shared') },
    'corpus-dir': { type: 'string' },
    grid: { type: 'string', default: 'weights' },
  },
});
if (!values['corpus-dir']) throw new Error('--corpus-dir (an unpacked zh-all-laws folder) is required');
const knowledgeDir = 'knowledge';
const stardFile = join(values.shared, 'bench', 'stard', 'queries.jsonl');
const kb = await loadKnowledge(knowledgeDir);
const zh = createZhTokenizer(loadDictionaries(knowledgeDir));
const big = loadZhCorpusDir(values['corpus-dir']);
const dev = resolveStard(loadStard(stardFile), big, 'any').filter((q) => q.split === 'train' && isTuningDev(q.id));
const pairs = collectTrainingPairs({
  stardFile,
  datasetsDir: 'eval/datasets',
  kb,
  zh,
  include: (id) => !isTuningDev(id),
}).flatMap((s) => s.pairs);
const cacheDir = mkdtempSync(join(tmpdir(), 'tune-index-'));
process.stdout.write(`tuning slice: ${dev.length} STARD questions; training pairs: ${pairs.length}\n`);
const noArticles = createArticleTerms(undefined);
try {
  if (values.grid === 'articles') {
    const learned = createLearnedExpander({
      version: 1,
      tokenizer: zh.name,
      trainedOn: [],
      entries: trainTranslationTable(pairs, TRAINING_OPTIONS),
    });
    const settings: { name: string; options?: ArticleTermOptions }[] = [
      { name: 'no article terms' },
      { name: 'cap 1, 24 words', options: { cap: 1, perArticle: 24 } },
      { name: 'cap 3, 24 words', options: { cap: 3, perArticle: 24 } },
      { name: 'cap 2, 12 words', options: { cap: 2, perArticle: 12 } },
    ];
    for (const setting of settings) {
      const articleTerms = setting.options
        ? createArticleTerms(
            { version: 1, tokenizer: zh.name, trainedOn: [], articles: trainArticleTerms(pairs, setting.options) },
            setting.name,
          )
        : noArticles;
      for (const weights of [{}, { learned: 0 }]) {
        const dir = mkdtempSync(join(tmpdir(), 'tune-articles-'));
        try {
          const r = await loadOrBuildRetriever({
            kb: big,
            knowledgeDir,
            cacheDir: dir,
            learned,
            articleTerms,
            weights,
          });
          const s = await scoreRanking(dev, async (text) =>
            (await r.retrieve({ text, jurisdiction: 'CN', k: 100 })).map((h) => h.passage.id),
          );
          process.stdout.write(
            `${setting.name.padEnd(18)} ${JSON.stringify(weights).padEnd(14)} ` +
              `R@1 ${s.recallAt1.toFixed(3)} R@5 ${s.recallAt5.toFixed(3)} R@10 ${s.recallAt10.toFixed(3)} ` +
              `R@100 ${s.recallAt100.toFixed(3)} MRR@10 ${s.mrrAt10.toFixed(3)}\n`,
          );
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }
    }
    process.exit(0);
  }
  await loadOrBuildRetriever({ kb: big, knowledgeDir, cacheDir, articleTerms: noArticles });
  const tables: Record<string, TranslationOptions> = {
    default: TRAINING_OPTIONS,
    loose: { ...TRAINING_OPTIONS, minPairCount: 2, minPmi: 0.5, perTerm: 10 },
    looser: { ...TRAINING_OPTIONS, minPairCount: 2, minPmi: 0.3, perTerm: 16 },
    strict: { ...TRAINING_OPTIONS, minPairCount: 4, minPmi: 1.5, perTerm: 4 },
  };
  const grid: { table: string; weights: Partial<HybridWeights> }[] = [];
  for (const table of Object.keys(tables))
    for (const learned of [0, 0.3, 0.5, 0.7, 1]) grid.push({ table, weights: { learned, feedback: 0 } });
  for (const feedback of [0.1, 0.2]) grid.push({ table: 'loose', weights: { learned: 0.7, feedback } });
  for (const expansion of [0, 0.25]) grid.push({ table: 'loose', weights: { learned: 0.7, feedback: 0, expansion } });
  for (const bigram of [0.3, 0.8]) grid.push({ table: 'loose', weights: { learned: 0.7, feedback: 0, bigram } });
  const built = new Map(
    Object.entries(tables).map(([name, opts]) => [
      name,
      createLearnedExpander({
        version: 1,
        tokenizer: zh.name,
        trainedOn: [],
        entries: trainTranslationTable(pairs, opts),
      }),
    ]),
  );
  for (const g of grid) {
    if (g.table !== 'default' && g.weights.learned === 0) continue;
    const r = await loadOrBuildRetriever({
      kb: big,
      knowledgeDir,
      cacheDir,
      learned: built.get(g.table)!,
      articleTerms: noArticles,
      weights: g.weights,
    });
    const s = await scoreRanking(dev, async (text) =>
      (await r.retrieve({ text, jurisdiction: 'CN', k: 100 })).map((h) => h.passage.id),
    );
    process.stdout.write(
      `${g.table.padEnd(8)} ${JSON.stringify(g.weights).padEnd(52)} ` +
        `R@1 ${s.recallAt1.toFixed(3)} R@5 ${s.recallAt5.toFixed(3)} R@10 ${s.recallAt10.toFixed(3)} ` +
        `R@100 ${s.recallAt100.toFixed(3)} MRR@10 ${s.mrrAt10.toFixed(3)}\n`,
    );
  }
} finally {
  rmSync(cacheDir, { recursive: true, force: true });
}
