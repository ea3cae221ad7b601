/**
 * npm run eval [-- --dataset NAME] [--limit N] [--gate] [--no-judge]
 * npm run eval -- --compare A.json B.json
 *
 * Runs every dataset in eval/datasets through the bot's batch CLI (one
 * process), prints tables per dataset × language, topic, escalation category
 * and for cases without countable gold, writes JSON and HTML reports to
 * eval/reports/, and with --gate exits 1 when a floor in
 * eval/thresholds.json is not met.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/load-config.js';
import { loadKnowledge } from '../src/ingest/load-knowledge.js';
import { compareReports } from './compare.js';
import { checkThresholds, gateGroups } from './gate.js';
import { createFaithfulnessJudge } from './judge/faithfulness.js';
import { runEval } from './lib/run-eval.js';
import { renderHtml } from './report/html-report.js';
import { BEHAVIOUR_COLUMNS, ESCALATION_COLUMNS, ANSWER_COLUMNS, renderTable } from './report/table.js';

const USAGE = 'usage: npm run eval -- [--dataset NAME] [--limit N] [--gate] [--no-judge] | --compare A.json B.json';
const REPORTS = 'eval/reports';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    dataset: { type: 'string' },
    limit: { type: 'string' },
    gate: { type: 'boolean', default: false },
    compare: { type: 'boolean', default: false },
    'no-judge': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

if (values.compare) {
  const [a, b] = positionals;
  if (!a || !b) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  process.stdout.write(`${compareReports(JSON.parse(readFileSync(a, 'utf8')), JSON.parse(readFileSync(b, 'utf8')))}\n`);
  process.exit(0);
}

const limit = values.limit === undefined ? undefined : Number(values.limit);
if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
  process.stderr.write(`--limit must be a positive integer\n${USAGE}\n`);
  process.exit(2);
}

const config = loadConfig(process.env);
const llmExpected = config.llm.llm !== undefined;
const kb = await loadKnowledge(config.app.KNOWLEDGE_DIR);
const { report } = await runEval({
  datasetsDir: 'eval/datasets',
  dataset: values.dataset,
  limit,
  kb,
  llmExpected,
  judge: values['no-judge'] ? undefined : createFaithfulnessJudge(config),
});

process.stdout.write(
  [
    renderTable('By dataset and language', report.byLanguage),
    renderTable('By topic (all datasets)', report.byTopic),
    renderTable(
      'Everyday questions: answer shape',
      report.byLanguage.filter((g) => g.name.startsWith('everyday-')),
      ANSWER_COLUMNS,
    ),
    renderTable('Escalation by category', report.byCategory, ESCALATION_COLUMNS),
    renderTable(
      'Cases without a countable gold article (answered / escalated behaviour only)',
      report.noGold,
      BEHAVIOUR_COLUMNS,
    ),
    report.judge
      ? `LLM judge: ${report.judge.judged} LLM answers judged, ` +
        `${report.judge.unsupported}/${report.judge.claims} legal claims unsupported by their citations`
      : 'LLM judge: ' +
        (llmExpected ? 'off (--no-judge)' : 'not configured (set OPENAI_BASE_URL and LLM_MODEL to judge faithfulness)'),
  ].join('\n\n') + '\n\n',
);

mkdirSync(REPORTS, { recursive: true });
const stamp = report.createdAt.replace(/[:.]/g, '-');
const json = JSON.stringify(report, null, 2);
writeFileSync(join(REPORTS, `${stamp}.json`), json);
writeFileSync(join(REPORTS, 'latest.json'), json);
writeFileSync(join(REPORTS, 'latest.html'), renderHtml(report));
process.stdout.write(`Reports: ${REPORTS}/${stamp}.json, ${REPORTS}/latest.json, ${REPORTS}/latest.html\n`);

if (values.gate) {
  const failures = checkThresholds(JSON.parse(readFileSync('eval/thresholds.json', 'utf8')), gateGroups(report));
  if (values.dataset || limit !== undefined)
    process.stdout.write('Note: --dataset/--limit run a subset; floors for groups not measured fail.\n');
  if (failures.length > 0) {
    process.stdout.write(`Eval gate FAILED (${failures.length}):\n${failures.map((f) => `- ${f}`).join('\n')}\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write('Eval gate passed: every floor in eval/thresholds.json is met.\n');
  }
}
