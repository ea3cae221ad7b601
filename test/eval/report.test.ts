import { describe, expect, it } from 'vitest';
import { compareReports, diffReports, parseReport } from '../../eval/compare.js';
import { summarize, type Summary } from '../../eval/metrics/summarize.js';
import { renderHtml } from '../../eval/report/html-report.js';
import type { CaseRecord, EvalReport } from '../../eval/report/report-types.js';
import { ESCALATION_COLUMNS, renderTable } from '../../eval/report/table.js';

const summary = (over: Partial<Summary>): Summary => ({ ...summarize([]), cases: 10, ...over });
const record = (over: Partial<CaseRecord> & Pick<CaseRecord, 'id'>): CaseRecord => ({
  dataset: 'wq',
  lang: 'zh-Hans',
  topic: 'wages',
  question: `问题 ${over.id}`,
  answer: '回答',
  citations: [],
  retrievedTop5: [],
  goldIds: [],
  goldRank: null,
  reasons: [],
  failedChecks: [],
  ...over,
});
const report = (over: Partial<EvalReport>): EvalReport => ({
  createdAt: '2026-01-01T00:00:00.000Z',
  durationMs: 1000,
  llmExpected: false,
  byLanguage: [],
  byTopic: [],
  byCategory: [],
  noGold: [],
  cases: [],
  ...over,
});

const a = report({
  byLanguage: [{ name: 'all', summary: summary({ recallAt5: 0.8, urgentRecall: 1, latencyP50: 10, latencyP95: 20 }) }],
  byTopic: [{ name: 'wages', summary: summary({ recallAt5: 0.5 }) }],
  cases: [
    record({ id: '1', goldRank: 1 }),
    record({ id: '2', goldRank: 7, failedChecks: ['gold not in top 5'] }),
    record({ id: '3', failedChecks: [] }),
    record({ id: '4' }),
  ],
});
const b = report({
  createdAt: '2026-01-02T00:00:00.000Z',
  byLanguage: [
    { name: 'all', summary: summary({ recallAt5: 0.9, urgentRecall: 0.5, latencyP50: 10.4, latencyP95: 40 }) },
  ],
  byTopic: [{ name: 'wages', summary: summary({ recallAt5: 0.5, cases: 12 }) }],
  cases: [
    record({ id: '1', goldRank: 3 }),
    record({ id: '2', goldRank: 2 }),
    record({ id: '3', failedChecks: ['escalate none != urgent'] }),
    record({ id: '4', question: 'a different question', failedChecks: ['missing fact "x"'] }),
    record({ id: '5' }),
  ],
});

describe('compare', () => {
  const diff = diffReports(parseReport(a), parseReport(b));

  it('reports metric changes with direction, ignoring latency jitter', () => {
    expect(diff.metrics.map((m) => [m.group, m.metric, m.better])).toEqual([
      ['all', 'recallAt5', true],
      ['all', 'urgentRecall', false],
      ['all', 'latencyP95', false],
    ]);
  });

  it('reports case by case: fixed checks, new failures, gold rank moves; skips changed questions', () => {
    expect(diff.cases).toEqual([
      { key: 'wq::1', better: false, detail: 'gold rank 1 -> 3' },
      { key: 'wq::2', better: true, detail: 'fixed: gold not in top 5 | gold rank 7 -> 2' },
      { key: 'wq::3', better: false, detail: 'now fails: escalate none != urgent' },
    ]);
    expect(diff.questionChanged).toEqual(['wq::4']);
    expect(diff.onlyInB).toEqual(['wq::5']);
  });

  it('prints improvements and regressions', () => {
    const text = compareReports(a, b);
    expect(text).toContain('+ [byLanguage] all recallAt5: 0.800 -> 0.900');
    expect(text).toContain('- [byLanguage] all urgentRecall: 1.000 -> 0.500');
    expect(text).toContain('- wq::3: now fails: escalate none != urgent');
    expect(text).not.toContain('latencyP50');
  });

  it('rejects a file that is not an eval report', () => {
    expect(() => compareReports({ createdAt: 'x' }, b)).toThrow();
  });
});

describe('reports', () => {
  it('renders a text table with the chosen columns', () => {
    const text = renderTable(
      'Escalation',
      [{ name: 'injury', summary: summary({ cases: 3, urgentRecall: 2 / 3 }) }],
      ESCALATION_COLUMNS,
    );
    const [title, header, , row] = text.split('\n');
    expect(title).toBe('Escalation');
    expect(header).toMatch(/^group\s+n\s+urg-rec/);
    expect(row).toMatch(/^injury\s+3\s+0\.67\s+-/);
  });

  it('renders self-contained HTML with charts, escaped text and failed checks', () => {
    const html = renderHtml({
      ...b,
      cases: [
        record({
          id: '<x>',
          question: '<script>alert(1)</script>',
          answer: '回答',
          failedChecks: ['missing fact "二倍"'],
          latencyMs: 5,
        }),
      ],
    });
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/(src|href)=["']?https?:/);
    expect(html).not.toContain('<link');
    expect(html).toContain('<svg');
    expect(html).toContain('Recall@5 by topic');
    expect(html).toContain('Latency per answer');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('missing fact &quot;二倍&quot;');
  });
});
