import type { DocumentMeta } from '../core/types.js';
import { parseChineseNumeral } from '../language/chinese-numerals.js';
import { toSimplified } from '../language/script.js';
import { foldVietnamese } from '../language/vietnamese.js';

/** A statute article named in a text. */
export interface ArticleReference {
  readonly docId: string;
  readonly article: number;
  /** The text that named it. */
  readonly raw: string;
  /** Offset of the reference in the (normalised) text. */
  readonly index: number;
}

interface NameForm {
  readonly docId: string;
  /** Normalised name: Simplified without 《》 for Chinese, folded for Vietnamese. */
  readonly name: string;
}

const ZH_ARTICLE = /^\s*第([零〇一二两三四五六七八九十百千\d]+)条/u;
const VI_ARTICLE_BEFORE = /dieu\s+(\d+)\s*(?:cua\s+)?$/u;
const VI_ARTICLE_AFTER = /^\s*(?:,\s*)?(?:khoan\s+\d+\s+)?dieu\s+(\d+)/u;

function nameForms(docs: readonly DocumentMeta[]): { zh: NameForm[]; vi: NameForm[] } {
  const zh: NameForm[] = [];
  const vi: NameForm[] = [];
  for (const d of docs) {
    if (d.kind !== 'statute') continue;
    const names = [d.law, d.title, ...d.aliases];
    for (const name of names) {
      if (d.language === 'zh')
        zh.push({
          docId: d.docId,
          name: toSimplified(name)
            .replace(/[《》]/g, '')
            .replace(/^中华人民共和国/, ''),
        });
      else vi.push({ docId: d.docId, name: foldVietnamese(name) });
    }
  }
  // Longest name first: 劳动合同法实施条例 must win over 劳动合同法.
  const byLength = (a: NameForm, b: NameForm) => b.name.length - a.name.length;
  return {
    zh: zh.filter((f) => f.name.length >= 2).sort(byLength),
    vi: vi.filter((f) => f.name.length >= 3).sort(byLength),
  };
}

/**
 * Calls `found` for every occurrence of a document name in `text`, longest
 * names first; text already claimed by a longer name is not matched again.
 */
function scanNames(
  text: string,
  forms: readonly NameForm[],
  found: (form: NameForm, at: number, end: number) => void,
): void {
  const taken = new Array<boolean>(text.length).fill(false);
  for (const form of forms) {
    for (let at = text.indexOf(form.name); at >= 0; at = text.indexOf(form.name, at + form.name.length)) {
      if (taken[at]) continue;
      const end = at + form.name.length;
      for (let i = at; i < end; i += 1) taken[i] = true;
      found(form, at, end);
    }
  }
}

/**
 * Finds statute articles named in a text: 《劳动合同法》第八十二条,
 * 劳动合同法第82条, 勞動合同法第八十二條, "Điều 35 Bộ luật Lao động",
 * "khoản 1 Điều 35 BLLĐ 2019", "dieu 35 bo luat lao dong".
 */
export function createReferenceFinder(docs: readonly DocumentMeta[]): (text: string) => ArticleReference[] {
  const forms = nameForms(docs);
  return (text) => {
    const refs: ArticleReference[] = [];
    const zhText = toSimplified(text).replace(/中华人民共和国/g, '');
    scanNames(zhText, forms.zh, (form, at, end) => {
      const m = ZH_ARTICLE.exec(zhText.slice(end).replace(/^》/, ''));
      const n = m ? parseChineseNumeral(m[1]!) : undefined;
      if (m && n !== undefined)
        refs.push({ docId: form.docId, article: n, raw: `${form.name}${m[0].trim()}`, index: at });
    });
    const viText = ` ${foldVietnamese(text).replace(/[^\p{L}\p{N}/.,-]+/gu, ' ')} `;
    scanNames(viText, forms.vi, (form, at, end) => {
      const before = VI_ARTICLE_BEFORE.exec(viText.slice(Math.max(0, at - 30), at).trimEnd() + ' ');
      const num = before?.[1] ?? VI_ARTICLE_AFTER.exec(viText.slice(end))?.[1];
      if (num) refs.push({ docId: form.docId, article: Number(num), raw: `dieu ${num} ${form.name}`, index: at });
    });
    return refs.sort((a, b) => a.index - b.index);
  };
}

/** Article numbers named without a law ("第82条", "Điều 35"), for callers that know the law from context. */
export function findBareArticleNumbers(text: string): number[] {
  const out: number[] = [];
  for (const m of toSimplified(text).matchAll(/第([零〇一二两三四五六七八九十百千\d]+)条/gu)) {
    const n = parseChineseNumeral(m[1]!);
    if (n !== undefined) out.push(n);
  }
  for (const m of foldVietnamese(text).matchAll(/dieu\s+(\d+)/gu)) out.push(Number(m[1]));
  return out;
}
