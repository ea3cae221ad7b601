/**
 * Checks the eval datasets against the knowledge base: every gold reference
 * names an existing article, and every must_contain fact appears in a gold
 * article (or, for union-service questions, in knowledge/services or
 * contacts.json). Run: npx tsx eval/datasets/check-datasets.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledge } from '../../src/ingest/load-knowledge.js';
import { createGoldResolver } from '../lib/gold-matcher.js';
import { loadCases } from '../lib/load-cases.js';

const DATASETS = 'eval/datasets';
const kb = await loadKnowledge('knowledge');
const resolve = createGoldResolver(kb.documents);
const byId = new Map(kb.passages.map((p) => [p.id, p]));
const serviceText = kb.passages.filter((p) => p.kind === 'passage').map((p) => p.text).join('\n') + readFileSync('knowledge/contacts.json', 'utf8');
const problems: string[] = [];
let checked = 0;

for (const file of readdirSync(DATASETS).filter((f) => f.endsWith('.jsonl'))) {
  const cases = loadCases(join(DATASETS, file));
  // real-dev refs are the source's; only our own files must resolve fully.
  const strict = !file.startsWith('real-');
  for (const c of cases) {
    checked += 1;
    const texts: string[] = [];
    for (const ref of c.gold_refs) {
      const docId = resolve(ref);
      const passage = docId ? byId.get(`${docId}#${ref.article}`) : undefined;
      if (passage) texts.push(passage.text);
      else if (strict) problems.push(`${file} ${c.id}: gold ${ref.law} ${ref.article} not found`);
    }
    for (const fact of c.must_contain) {
      // Hotline numbers in escalation replies come from contacts.json, not from an article.
      const pool = texts.join('\n') + (c.gold_refs.length === 0 || (c.expect_escalate ?? 'none') !== 'none' ? serviceText : '');
      if (!pool.includes(fact)) problems.push(`${file} ${c.id}: must_contain "${fact}" is not in its gold text`);
    }
  }
}
console.log(`${checked} cases checked, ${problems.length} problems`);
for (const p of problems) console.log(`- ${p}`);
process.exitCode = problems.length > 0 ? 1 : 0;
