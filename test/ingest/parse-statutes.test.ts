import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseViStatute } from '../../src/ingest/parse-vi-statute.js';
import { parseZhStatute } from '../../src/ingest/parse-zh-statute.js';

const read = (path: string) => readFileSync(`knowledge/statutes/${path}`, 'utf8');

describe('parseZhStatute', () => {
  const law = parseZhStatute(read('cn/labor-contract-law.md'));

  it('finds every article of 劳动合同法, numbered 1..98 in order', () => {
    expect(law.title).toBe('中华人民共和国劳动合同法');
    expect(law.articles.map((a) => a.article)).toEqual(Array.from({ length: 98 }, (_, i) => i + 1));
  });

  it('keeps text, clauses and chapter of 第八十二条', () => {
    const a82 = law.articles.find((a) => a.article === 82)!;
    expect(a82.label).toBe('第八十二条');
    expect(a82.text.startsWith('用人单位自用工之日起超过一个月不满一年')).toBe(true);
    expect(a82.clauses).toHaveLength(2);
    expect(a82.headings).toEqual(['第七章 法律责任']);
  });

  it('keeps enumerated items in the article they belong to', () => {
    const a38 = law.articles.find((a) => a.article === 38)!;
    expect(a38.text).toContain('（三）未依法为劳动者缴纳社会保险费的');
  });

  it('splits a document without articles into headed sections', () => {
    const notice = parseZhStatute(read('cn/monthly-working-days-wage-conversion-notice.md'));
    expect(notice.articles).toHaveLength(0);
    expect(notice.sections.map((s) => s.heading)).toContain('二、日工资、小时工资的折算');
    expect(notice.sections.some((s) => s.text.includes('21.75天'))).toBe(true);
  });

  it('does not mistake a cross-reference inside a paragraph for an article', () => {
    const parsed = parseZhStatute('# 测试法\n\n第一条 见本法第三条规定。\n\n第二条 第二条正文。\n');
    expect(parsed.articles.map((a) => a.article)).toEqual([1, 2]);
  });
});

describe('parseViStatute', () => {
  const code = parseViStatute(read('vn/bo-luat-lao-dong-2019.md'));

  it('finds the 220 articles of Bộ luật Lao động 2019', () => {
    expect(code.articles).toHaveLength(220);
    expect(code.articles.at(-1)?.article).toBe(220);
  });

  it('keeps caption, chapter, section and clauses of Điều 35', () => {
    const d35 = code.articles.find((a) => a.article === 35)!;
    expect(d35.caption).toBe('Quyền đơn phương chấm dứt hợp đồng lao động của người lao động');
    expect(d35.headings[0]).toMatch(/^Chương III/);
    expect(d35.headings[1]).toMatch(/^Mục 3/);
    expect(d35.clauses[1]).toBe('a) Ít nhất 45 ngày nếu làm việc theo hợp đồng lao động không xác định thời hạn;');
  });

  it('strips footnote markers and footnote definitions', () => {
    for (const a of code.articles) {
      expect(a.text).not.toMatch(/\[\^\d+\]/);
      expect(a.text).not.toContain('Luật Công nghiệp công nghệ số số 71/2025/QH15 có căn cứ');
    }
    const parsed = parseViStatute(
      '# Luật\n\nĐiều 1. Tên[^1]\n\n1. Nội dung[^2].\n\n[^1]: chú thích\n[^2]: chú thích hai\n',
    );
    expect(parsed.articles[0]).toMatchObject({ caption: 'Tên', text: '1. Nội dung.' });
  });

  it('normalises decomposed Vietnamese to NFC', () => {
    const parsed = parseViStatute('Điều 2. Lương\n\nTrả lương đúng hạn.'.normalize('NFD'));
    expect(parsed.articles[0]?.caption).toBe('Lương'.normalize('NFC'));
  });
});
