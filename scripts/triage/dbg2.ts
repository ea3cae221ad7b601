import { loadTriageRules } from '../../src/escalation/load-triage-rules.js';
import { triageMessage } from '../../src/escalation/triage-message.js';
import { readTriageSet } from './triage-set.js';
const r0 = loadTriageRules('knowledge/triage', { classifier: false });
const rows = [...readTriageSet('eval/triage/sets/triage-train.jsonl'), ...readTriageSet('eval/triage/sets/triage-train-generated.jsonl')];
for (const row of rows) {
  const t = triageMessage(r0, row.text, row.lang);
  if (row.label === 'urgent' && (t.level !== 'urgent' || t.reasons[0] !== row.category)) console.log(row.category, row.lang, t.level, t.reasons.join(','), '::', row.text);
}
