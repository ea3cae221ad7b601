/**
 * Retrieval-only comparison of fusion settings, in-process and fast:
 *   npx tsx eval/tune-retrieval.ts '[{}, {"vector": 0.4}, {"bigram": 1}]'
 * prints Recall@5 and Recall@1 per dataset and language for each setting
 * (see HybridWeights). Use it to try a change, then confirm with npm run eval;
 * beware of tuning to the dev sets (the holdout is the honest measure).
 */
import { loadKnowledge } from '../src/ingest/load-knowledge.js';
import { loadOrBuildRetriever, type HybridWeights } from '../src/retrieval/index.js';
import { createGoldResolver } from './lib/gold-matcher.js';
import { loadCases } from './lib/load-cases.js';

const kb = await loadKnowledge('knowledge');
const resolve = createGoldResolver(kb.documents);
const ids = new Set(kb.passages.map((p) => p.id));
const datasets = ['worker-questions', 'real-dev'].map((name) => ({
  name,
  cases: loadCases(`eval/datasets/${name}.jsonl`),
}));
const settings = JSON.parse(process.argv[2] ?? '[{}]') as Partial<HybridWeights>[];

for (const weights of settings) {
  const retriever = await loadOrBuildRetriever({ kb, weights });
  const lines: string[] = [];
  for (const { name, cases } of datasets) {
    for (const lang of ['zh-Hans', 'zh-Hant', 'vi'] as const) {
      let n = 0;
      let at5 = 0;
      let at1 = 0;
      for (const c of cases.filter((x) => x.lang === lang)) {
        const gold = c.gold_refs
          .filter((g) => g.in_corpus !== false && g.stale !== true)
          .map((g) => `${resolve(g)}#${g.article}`)
          .filter((id) => ids.has(id));
        if (gold.length === 0) continue;
        n += 1;
        const top = (
          await retriever.retrieve({ text: c.question, jurisdiction: lang === 'vi' ? 'VN' : 'CN', k: 5 })
        ).map((h) => h.passage.id);
        if (top.some((id) => gold.includes(id))) at5 += 1;
        if (gold.includes(top[0] ?? '')) at1 += 1;
      }
      if (n > 0) lines.push(`${name}/${lang} R@5 ${(at5 / n).toFixed(2)} R@1 ${(at1 / n).toFixed(2)} n=${n}`);
    }
  }
  process.stdout.write(`${JSON.stringify(weights)}\n  ${lines.join('\n  ')}\n`);
}
