/**
 * npx tsx eval/train/train-expansion.ts [--shared ../shared] [--out knowledge/learned/zh-translation.json]
 *
 * Learns the Chinese lay-word -> statute-word translation table from the
 * TRAIN split (eval/bench/split.ts) of STARD (when ../shared is there) and
 * of eval/datasets (real-dev, worker-questions), and writes it as a small
 * reviewed artefact. Offline, seconds on one core.
 */
import { loadDictionaries } from '../../src/knowledge/load-dict.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadKnowledge } from '../../src/ingest/load-knowledge.js';
import { learnedTableSchema, type LearnedTable } from '../../src/retrieval/expansion/learned-expander.js';
import { createZhTokenizer } from '../../src/retrieval/index.js';
import { ARTICLE_TERM_OPTIONS, TRAINING_OPTIONS } from './training-options.js';
import { collectTrainingPairs } from './training-pairs.js';
import { trainArticleTerms, trainTranslationTable } from './translation-table.js';
import { articleTermsSchema, type ArticleTermsTable } from '../../src/retrieval/expansion/article-terms.js';

const { values } = parseArgs({
  options: {
    shared: { type: 'string', default: join('..', 'shared') },
    out: { type: 'string', default: join('knowledge', 'learned', 'zh-translation.json') },
  },
});
const knowledgeDir = process.env.KNOWLEDGE_DIR ?? 'knowledge';
const zh = createZhTokenizer(loadDictionaries(knowledgeDir));
const kb = await loadKnowledge(knowledgeDir);
const sources = collectTrainingPairs({
  stardFile: join(values.shared, 'bench', 'stard', 'queries.jsonl'),
  datasetsDir: 'eval/datasets',
  kb,
  zh,
});
const entries = trainTranslationTable(
  sources.flatMap((s) => s.pairs),
  TRAINING_OPTIONS,
);
const table: LearnedTable = learnedTableSchema.parse({
  version: 1,
  tokenizer: zh.name,
  trainedOn: sources.map((s) => ({ source: s.source, pairs: s.pairs.length })),
  entries,
});
mkdirSync(dirname(values.out), { recursive: true });
// One entry per line, so a reviewer can read and diff the table.
const body = Object.entries(table.entries)
  .map(([u, ws]) => `    ${JSON.stringify(u)}: ${JSON.stringify(ws)}`)
  .join(',\n');
writeFileSync(
  values.out,
  `{\n  "version": 1,\n  "tokenizer": ${JSON.stringify(table.tokenizer)},\n` +
    `  "trainedOn": ${JSON.stringify(table.trainedOn)},\n  "entries": {\n${body}\n  }\n}\n`,
);
const articles = trainArticleTerms(
  sources.flatMap((s) => s.pairs),
  ARTICLE_TERM_OPTIONS,
);
const articleTable: ArticleTermsTable = articleTermsSchema.parse({
  version: 1,
  tokenizer: zh.name,
  trainedOn: table.trainedOn,
  articles,
});
const articlesOut = join(dirname(values.out), 'zh-article-terms.json');
const articleBody = Object.entries(articleTable.articles)
  .map(([k, ws]) => `    ${JSON.stringify(k)}: ${JSON.stringify(ws)}`)
  .join(',\n');
writeFileSync(
  articlesOut,
  `{\n  "version": 1,\n  "tokenizer": ${JSON.stringify(zh.name)},\n` +
    `  "trainedOn": ${JSON.stringify(table.trainedOn)},\n  "articles": {\n${articleBody}\n  }\n}\n`,
);
process.stdout.write(`${Object.keys(articles).length} articles with learned question words -> ${articlesOut}\n`);
process.stdout.write(
  `${sources.map((s) => `${s.source}: ${s.pairs.length} pairs`).join('\n')}\n` +
    `${Object.keys(entries).length} question terms -> ${values.out}\n`,
);
