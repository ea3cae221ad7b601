import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadZhCorpusDir } from '../../eval/bench/big-corpus.js';
import { benchQuestions, timeQueries, type BenchQuestion } from '../../eval/bench/bench-questions.js';
import { MemorySampler } from '../../eval/bench/memory-sampler.js';
import { createMiniSearchBaseline } from '../../eval/bench/minisearch-baseline.js';

function corpusDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'zh-corpus-'));
  mkdirSync(join(dir, '社会法'));
  writeFileSync(
    join(dir, '社会法', '劳动合同法(2012-12-28).md'),
    '# 中华人民共和国劳动合同法\n\n## 第一章 总则\n\n第一条　为了完善劳动合同制度，制定本法。\n\n' +
      '第三十条　用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬。\n\n' +
      '第八十二条　用人单位自用工之日起超过一个月不满一年未与劳动者订立书面劳动合同的，' +
      '应当向劳动者每月支付二倍的工资。\n',
  );
  writeFileSync(join(dir, '社会法', '_index.md'), '# 社会法\n');
  writeFileSync(join(dir, '社会法', '攻略.md'), '# 攻略\n\n## 一\n\n没有条文的说明。\n');
  return dir;
}

function datasetsDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-datasets-'));
  writeFileSync(
    join(dir, 'd.jsonl'),
    [
      {
        id: '1',
        lang: 'zh-Hans',
        question: '没签书面劳动合同，能要二倍工资吗',
        gold_refs: [{ law: '劳动合同法', article: 82 }],
      },
      { id: '2', lang: 'zh-Hans', question: '工资拖欠', gold_refs: [{ law: '民法典', article: 1, in_corpus: false }] },
      { id: '3', lang: 'vi', question: 'Công ty nợ lương', gold_refs: [] },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n'),
  );
  return dir;
}

describe('full-corpus loader', () => {
  it('parses one document per statute file, titles from the file name without the date', () => {
    const kb = loadZhCorpusDir(corpusDir());
    expect(kb.files).toBe(2);
    expect(kb.documents.map((d) => [d.law, d.title])).toEqual([['劳动合同法', '中华人民共和国劳动合同法']]);
    expect(kb.passages.map((p) => p.id)).toEqual(['cn/all-0#1', 'cn/all-0#30', 'cn/all-0#82']);
    expect(kb.passages[2]?.headings).toEqual(['第一章 总则']);
  });

  it('resolves eval gold refs against the loaded documents', () => {
    const questions = benchQuestions(datasetsDir(), loadZhCorpusDir(corpusDir()));
    expect(questions.map((q) => [q.jurisdiction, q.gold])).toEqual([
      ['CN', ['cn/all-0#82']],
      ['CN', []],
      ['VN', []],
    ]);
  });
});

describe('query timing and recall', () => {
  it('scores Recall@5 per language over questions with gold', async () => {
    const qs: BenchQuestion[] = [
      { text: 'a', lang: 'zh-Hans', jurisdiction: 'CN', gold: ['x#1'] },
      { text: 'b', lang: 'zh-Hans', jurisdiction: 'CN', gold: ['x#9'] },
      { text: 'c', lang: 'vi', jurisdiction: 'VN', gold: [] },
    ];
    const hits: Record<string, string[]> = { a: ['x#5', 'x#1'], b: ['x#1', 'x#2', 'x#3', 'x#4', 'x#5', 'x#9'], c: [] };
    const stats = await timeQueries(async (q) => hits[q.text]!, qs);
    expect(stats.queries).toBe(3);
    expect(stats.recallAt5).toEqual({ 'zh-Hans': 0.5 });
    expect(stats.withGold).toEqual({ 'zh-Hans': 2 });
    expect(stats.p99).toBeGreaterThanOrEqual(stats.p50);
  });

  it('MiniSearch baseline finds the article with our tokenizer', async () => {
    const kb = loadZhCorpusDir(corpusDir());
    const baseline = createMiniSearchBaseline(kb, 'knowledge');
    const ids = await baseline.search({
      text: '没签书面劳动合同二倍工资',
      lang: 'zh-Hans',
      jurisdiction: 'CN',
      gold: [],
    });
    expect(ids[0]).toBe('cn/all-0#82');
  });

  it('memory sampler reports peaks of a phase', async () => {
    const sampler = new MemorySampler(5);
    sampler.start();
    const { value, peak } = await sampler.phase(async () => new Array(200_000).fill(1).length);
    const total = sampler.stop();
    expect(value).toBe(200_000);
    expect(peak.rssMb).toBeGreaterThan(0);
    expect(total.heapUsedMb).toBeGreaterThanOrEqual(peak.heapUsedMb);
  });
});
