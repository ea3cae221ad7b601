/**
 * False alarms of triage on ordinary questions (npx tsx eval/triage/false-alarms.ts):
 * every non-urgent question of the tuning sets (everyday-dev, worker-questions,
 * real-dev, calc-dev, and the non-urgent rows of the triage TRAINING split),
 * counted per language and per layer, so one sees which layer fires:
 * `rules` (knowledge/triage/{zh,vi}.json), `lexicon` (concept lexicons) and
 * `classifier` (fires on its own, i.e. no rule or lexicon did). `--frozen`
 * reports the frozen sets instead (everyday-questions, calc-test, triage test
 * split): report them once, never tune on them. `--list` prints each false alarm.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Lang } from '../../src/core/types.js';
import { loadTriageRules, type TriageRules } from '../../src/escalation/load-triage-rules.js';
import { triageMessage } from '../../src/escalation/triage-message.js';
import { detectLang } from '../../src/language/detect-lang.js';
import { readTriageSet } from '../../scripts/triage/triage-set.js';
import { loadJsonl } from '../lib/load-cases.js';

const questionSchema = z.looseObject({
  id: z.string(),
  lang: z.enum(['zh-Hans', 'zh-Hant', 'vi']),
  question: z.string(),
  expect_escalate: z.string().optional(),
});

interface Case {
  readonly set: string;
  readonly id: string;
  readonly lang: Lang;
  readonly text: string;
}

const frozen = process.argv.includes('--frozen');
const list = process.argv.includes('--list');
const DATASETS = frozen
  ? ['everyday-questions', 'calc-test']
  : ['everyday-dev', 'worker-questions', 'real-dev', 'calc-dev'];
const TRIAGE_SPLIT = frozen ? 'test' : 'train';

function datasetCases(name: string): Case[] {
  return (
    loadJsonl(join('eval/datasets', `${name}.jsonl`), questionSchema)
      // Sets without the field (real-dev, calc) hold ordinary questions only.
      .filter((q) => (q.expect_escalate ?? 'none') === 'none')
      .map((q) => ({ set: name, id: q.id, lang: q.lang, text: q.question }))
  );
}

const triageCases: Case[] = readdirSync('eval/triage/sets')
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) => readTriageSet(join('eval/triage/sets', f)))
  .filter((r) => r.split === TRIAGE_SPLIT && r.label === 'none')
  .map((r) => ({ set: `triage-${TRIAGE_SPLIT}`, id: r.id, lang: r.lang, text: r.text }));
const cases = [...DATASETS.flatMap(datasetCases), ...triageCases];

const full = loadTriageRules('knowledge/triage');
const noClassifier = loadTriageRules('knowledge/triage', { classifier: false });
// Each layer alone: the rule files without the concept lexicons, and the lexicons without the rule files.
const { concepts: _concepts, ...rulesOnlyParts } = noClassifier;
const rulesOnly: TriageRules = rulesOnlyParts;
const lexiconOnly: TriageRules = {
  ...noClassifier,
  zh: { ...noClassifier.zh, rules: [] },
  vi: { ...noClassifier.vi, rules: [] },
};

const urgentWith = (rules: TriageRules, c: Case, lang: Lang) => triageMessage(rules, c.text, lang).level === 'urgent';

type Layer = 'rules' | 'lexicon' | 'classifier';
interface Tally {
  n: number;
  any: number;
  rules: number;
  lexicon: number;
  classifier: number;
}
const tallies = new Map<string, Tally>();
const tally = (key: string): Tally => {
  let t = tallies.get(key);
  if (!t) tallies.set(key, (t = { n: 0, any: 0, rules: 0, lexicon: 0, classifier: 0 }));
  return t;
};
const alarms: string[] = [];
for (const c of cases) {
  const lang = detectLang(c.text).lang ?? c.lang;
  const result = triageMessage(full, c.text, lang);
  const fired: Layer[] = [];
  if (urgentWith(rulesOnly, c, lang)) fired.push('rules');
  if (urgentWith(lexiconOnly, c, lang)) fired.push('lexicon');
  if (result.level === 'urgent' && fired.length === 0) fired.push('classifier');
  const family = c.lang === 'vi' ? 'vi' : 'zh';
  for (const key of [`${c.set} ${family}`, `all ${family}`, 'all']) {
    const t = tally(key);
    t.n += 1;
    if (result.level !== 'urgent') continue;
    t.any += 1;
    for (const layer of fired) t[layer] += 1;
  }
  if (result.level === 'urgent') {
    const signals = (result.signals ?? []).join(', ');
    alarms.push(`${c.set} ${c.id} [${fired.join('+')}] ${result.reasons[0]} (${signals}): ${c.text.slice(0, 90)}`);
  }
}

const pct = (a: number, n: number) => `${a}/${n} (${((a / Math.max(1, n)) * 100).toFixed(1)}%)`;
console.log(`Triage false alarms on ordinary questions (${frozen ? 'FROZEN sets: report only' : 'tuning sets'})`);
console.log('| set | questions | urgent (false alarms) | by rules | by lexicon | by classifier alone |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const [key, t] of [...tallies].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(`| ${key} | ${t.n} | ${pct(t.any, t.n)} | ${t.rules} | ${t.lexicon} | ${t.classifier} |`);
}
if (list) for (const a of alarms) console.log(a);
