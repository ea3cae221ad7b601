import { loadKnowledge } from './src/ingest/load-knowledge.js';
import { loadOrBuildRetriever } from './src/retrieval/index.js';
import { loadCases } from './eval/lib/load-cases.js';
import { createGoldResolver } from './eval/lib/gold-matcher.js';
const kb = await loadKnowledge('knowledge');
const resolve = createGoldResolver(kb.documents);
const sets = ['worker-questions','real-dev'].map(n => ({ n, cases: loadCases(`eval/datasets/${n}.jsonl`) }));
const configs = JSON.parse(process.argv[2] ?? '[{}]');
for (const w of configs) {
  const r = await loadOrBuildRetriever({ kb, weights: w });
  const out: string[] = [];
  for (const s of sets) for (const lang of ['zh-Hans','zh-Hant','vi']) {
    const cs = s.cases.filter(c => c.lang===lang);
    let n=0, hit=0, hit1=0;
    for (const c of cs) {
      const gold = c.gold_refs.filter(g => g.in_corpus!==false && g.stale!==true).map(g => `${resolve(g)}#${g.article}`).filter(id => kb.passages.some(p=>p.id===id));
      if (!gold.length) continue; n++;
      const res = await r.retrieve({ text: c.question, jurisdiction: lang==='vi'?'VN':'CN', k: 5 });
      const ids = res.map(x=>x.passage.id);
      if (ids.some(id=>gold.includes(id))) hit++; if (gold.includes(ids[0]!)) hit1++;
    }
    if (n) out.push(`${s.n}/${lang} R@5 ${(hit/n).toFixed(2)} R@1 ${(hit1/n).toFixed(2)} n=${n}`);
  }
  console.log(JSON.stringify(w), '\n  ' + out.join('\n  '));
}
