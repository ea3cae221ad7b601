/**
 * Triage eval (npm run eval:triage): runs src/escalation triage on the labeled
 * sets in eval/triage/sets and reports, per split, urgent recall, hand-off
 * recall, false alarms on non-urgent questions, category accuracy, and a
 * confusion matrix per category and language. `--gate` fails unless urgent
 * recall on the held-out test split is 1.00 (floors in eval/triage/floors.json).
 * `--split train` looks at the training split only (the one rules are tuned on).
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Triage } from '../../src/core/types.js';
import { loadTriageRules, type TriageRules } from '../../src/escalation/load-triage-rules.js';
import { triageMessage } from '../../src/escalation/triage-message.js';
import { detectLang } from '../../src/language/detect-lang.js';
import { readTriageSet, type TriageRow } from '../../scripts/triage/triage-set.js';
import { summarizeTriage, formatSummary, type Scored } from './triage-metrics.js';

const SETS = 'eval/triage/sets';
const floorsSchema = z.object({
  test: z.object({ urgentRecall: z.number(), handoffRecall: z.number(), falseAlarmRate: z.number() }),
});

const args = process.argv.slice(2);
const gate = args.includes('--gate');
const only = args.includes('--split') ? args[args.indexOf('--split') + 1] : undefined;
if (only !== undefined && only !== 'train' && only !== 'test') {
  console.error('--split must be train or test');
  process.exit(2);
}

const rows = readdirSync(SETS)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) => readTriageSet(join(SETS, f)))
  .filter((r) => only === undefined || r.split === only);

function run(rules: TriageRules, row: TriageRow): Scored {
  const detected = detectLang(row.text).lang;
  const triage: Triage = triageMessage(rules, row.text, detected ?? row.lang);
  return { row, triage, detectedLang: detected };
}

const full = loadTriageRules('knowledge/triage');
const lexiconOnly = loadTriageRules('knowledge/triage', { classifier: false });
const lines: string[] = [];
const results: Record<string, ReturnType<typeof summarizeTriage>> = {};
for (const split of ['test', 'train'] as const) {
  const part = rows.filter((r) => r.split === split);
  if (part.length === 0) continue;
  const summary = summarizeTriage(part.map((r) => run(full, r)));
  const lexicon = summarizeTriage(part.map((r) => run(lexiconOnly, r)));
  results[split] = summary;
  lines.push(
    `## Triage, ${split} split (` +
      (split === 'test'
        ? 'held-out, hand-written, never used for training or rule writing'
        : 'used for rule writing and training') +
      ')',
    '',
  );
  lines.push(...formatSummary(summary));
  lines.push(
    '',
    `Rules and lexicons alone (no classifier): urgent recall ${lexicon.urgentRecall.toFixed(3)}, ` +
      `false alarms ${(lexicon.falseAlarmRate * 100).toFixed(1)}%`,
    '',
  );
}
const report = lines.join('\n');
console.log(report);
mkdirSync('eval/reports', { recursive: true });
writeFileSync('eval/reports/triage.md', `${report}\n`);

if (gate) {
  const floors = floorsSchema.parse(JSON.parse(readFileSync('eval/triage/floors.json', 'utf8')));
  const test = results.test;
  const failures: string[] = [];
  if (!test) failures.push('no test split found');
  else {
    if (test.urgentRecall < floors.test.urgentRecall)
      failures.push(`test urgent recall ${test.urgentRecall.toFixed(3)} < ${floors.test.urgentRecall}`);
    if (test.handoffRecall < floors.test.handoffRecall)
      failures.push(`test hand-off recall ${test.handoffRecall.toFixed(3)} < ${floors.test.handoffRecall}`);
    if (test.falseAlarmRate > floors.test.falseAlarmRate)
      failures.push(`test false alarms ${test.falseAlarmRate.toFixed(3)} > ${floors.test.falseAlarmRate}`);
  }
  if (failures.length) {
    console.error(`TRIAGE GATE FAILED: ${failures.join('; ')}`);
    process.exit(1);
  }
  console.log('triage gate passed');
}
