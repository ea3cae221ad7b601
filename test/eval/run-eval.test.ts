import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DocumentMeta, KnowledgeBase } from '../../src/core/types.js';
import { gateGroups, checkThresholds } from '../../eval/gate.js';
import { parseBatchOutput, runBatch } from '../../eval/lib/run-batch.js';
import { runEval } from '../../eval/lib/run-eval.js';
import { SAMPLE_PASSAGES } from '../helpers/passages.js';

const FAKE_CLI = fileURLToPath(new URL('./fixtures/fake-ask-cli.mjs', import.meta.url));
const batch = { command: [process.execPath, FAKE_CLI] };

const doc = (docId: string, law: string, title: string, extra: Partial<DocumentMeta> = {}): DocumentMeta => ({
  docId,
  law,
  title,
  jurisdiction: docId.startsWith('cn/') ? 'CN' : 'VN',
  language: docId.startsWith('cn/') ? 'zh' : 'vi',
  kind: 'statute',
  aliases: [],
  inForce: true,
  ...extra,
});
const kb: KnowledgeBase = {
  documents: [
    doc('cn/labor-contract-law', '劳动合同法', '中华人民共和国劳动合同法'),
    doc('vn/bo-luat-lao-dong-2019', 'Bộ luật Lao động 2019', 'Bộ luật Lao động', { number: '45/2019/QH14' }),
  ],
  passages: SAMPLE_PASSAGES,
  contentHash: 'test',
};

function datasetsDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'eval-datasets-'));
  const lines = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
  writeFileSync(
    join(dir, 'worker.jsonl'),
    lines([
      {
        id: 'w1',
        lang: 'zh-Hans',
        question: '老板不发工资',
        topic: 'wage_arrears',
        gold_refs: [{ law: '劳动合同法', article: 30 }],
        expect_escalate: 'none',
        must_contain: ['及时足额'],
        must_not_contain: ['二倍'],
        expect_refusal: false,
      },
      {
        id: 'w2',
        lang: 'zh-Hans',
        question: '我在工地受伤了',
        topic: 'work_injury',
        gold_refs: [],
        expect_escalate: 'urgent',
        category: 'injury',
        must_contain: ['12351', '工伤认定'],
        must_not_contain: [],
        expect_refusal: false,
      },
      {
        id: 'w3',
        lang: 'zh-Hans',
        question: '明天天气如何',
        topic: 'out_of_scope',
        gold_refs: [],
        expect_escalate: 'none',
        must_contain: [],
        must_not_contain: [],
        expect_refusal: true,
      },
    ]),
  );
  writeFileSync(
    join(dir, 'real.jsonl'),
    lines([
      // same id as in the other dataset: ids are namespaced per dataset
      {
        id: 'w1',
        lang: 'zh-Hans',
        question: '拖欠工资怎么办',
        topic: 'wages',
        gold_refs: [{ law: '中华人民共和国劳动合同法', article: 82, in_corpus: true, stale: false }],
      },
      {
        id: 'r2',
        lang: 'zh-Hans',
        question: '合同纠纷',
        topic: 'contract',
        gold_refs: [{ law: '民法典', article: 577, in_corpus: false, stale: false }],
      },
    ]),
  );
  return dir;
}

describe('batch runner', () => {
  it('runs all questions in one CLI process and keys results by id', async () => {
    const results = await runBatch(
      [
        { id: 'a', question: '工资' },
        { id: 'b', question: '受伤' },
      ],
      batch,
    );
    expect([...results.keys()]).toEqual(['a', 'b']);
    expect(results.get('b')?.escalate).toBe('urgent');
    expect(results.get('a')?.retrieved?.[1]?.passageId).toBe('cn/labor-contract-law#30');
  });

  it('fails when the CLI exits non-zero', async () => {
    await expect(
      runBatch([{ id: 'a', question: 'x' }], { ...batch, env: { ...process.env, FAKE_ASK_CRASH: '1' } }),
    ).rejects.toThrow(/exited with 3/);
  });

  it('rejects an output line that breaks the result contract', () => {
    expect(parseBatchOutput('{"id":"a","error":"line 1: bad"}\n').get('a')?.error).toBe('line 1: bad');
    expect(() => parseBatchOutput('{"id":"a","escalate":"maybe"}')).toThrow(/line 1: escalate/);
  });
});

describe('eval pipeline', () => {
  it('scores every dataset from one batch and groups the metrics', async () => {
    const { report } = await runEval({ datasetsDir: datasetsDir(), kb, batch });
    const group = (name: string) => report.byLanguage.find((g) => g.name === name)?.summary;

    expect(report.cases.map((c) => `${c.dataset}::${c.id}`)).toEqual([
      'real::w1',
      'real::r2',
      'worker::w1',
      'worker::w2',
      'worker::w3',
    ]);
    // worker::w1: gold 30 at rank 2, cited; real::w1: gold 82 (full title) at rank 1, not cited
    expect(group('worker/zh-Hans')).toMatchObject({
      retrievalCases: 1,
      recallAt1: 0,
      recallAt5: 1,
      mrrAt10: 0.5,
      citationPrecision: 1,
      mustContainPass: 0.5,
      mustNotContainPass: 1,
      urgentRecall: 1,
      urgentPrecision: 1,
      noneRecall: 1,
    });
    expect(group('real/zh-Hans')).toMatchObject({ retrievalCases: 1, recallAt1: 1, citationHit: 0 });
    expect(group('all')).toMatchObject({
      cases: 5,
      retrievalCases: 2,
      recallAt1: 0.5,
      mrrAt10: 0.75,
      urgentRecall: 1,
      refusalCorrect: 1,
      citationValidity: 1,
    });
    expect(group('all')?.latencyP50).toBe(30);

    expect(
      report.noGold.map((g) => [
        g.name,
        g.summary.cases,
        g.summary.answeredRate,
        g.summary.escalatedRate,
        g.summary.refusedRate,
      ]),
    ).toEqual([
      ['real/no-gold', 1, 1, 0, 0],
      ['worker/no-gold', 2, 0.5, 0.5, 0.5],
    ]);
    expect(report.byCategory).toEqual([
      { name: 'injury', summary: expect.objectContaining({ cases: 1, urgentRecall: 1 }) },
    ]);
    expect(report.cases.find((c) => c.id === 'w2' && c.dataset === 'worker')?.failedChecks).toEqual([
      'missing fact "工伤认定"',
    ]);
  });

  it('runs one dataset with --dataset and the first N cases with --limit', async () => {
    const { report } = await runEval({ datasetsDir: datasetsDir(), kb, batch, dataset: 'worker', limit: 2 });
    expect(report.cases.map((c) => c.id)).toEqual(['w1', 'w2']);
    await expect(runEval({ datasetsDir: datasetsDir(), kb, batch, dataset: 'nope' })).rejects.toThrow(
      /no dataset named nope/,
    );
  });

  it('feeds the gate with dataset, topic and category groups', async () => {
    const { report } = await runEval({ datasetsDir: datasetsDir(), kb, batch });
    const groups = gateGroups(report);
    expect(groups.map((g) => g.name)).toEqual(
      expect.arrayContaining(['all', 'worker/all', 'worker/no-gold', 'topic:wage_arrears', 'category:injury']),
    );
    expect(
      checkThresholds({ floors: { 'category:injury': { urgentRecall: 1 }, 'worker/all': { recallAt1: 0.5 } } }, groups),
    ).toEqual(['worker/all recallAt1: 0.000 < floor 0.5']);
  });
});
