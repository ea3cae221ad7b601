/**
 * Cleans the union news texts the project was born from. One of them is
 * Traditional Chinese with pinyin after each Traditional-only character
 * (農(nóng)民工) and characters broken by a bad encoding round-trip
 * (日?qǐng)?bào), F(xiàn)); the others carry web and newspaper boilerplate.
 */

const TONE_LETTERS = 'a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê';
/** A pinyin syllable in parentheses right after a Han character: 農(nóng) -> 農. */
const PINYIN_AFTER_HAN = new RegExp(`(\\p{Script=Han})\\([${TONE_LETTERS}]{1,7}\\)`, 'gu');
/** A lost character: "?" (or a stray Latin letter / garbage run) standing for a Han character, with its pinyin. */
const BROKEN_WITH_PINYIN = new RegExp(`(?:\\?[^\\s(?]{0,3}|[A-Za-z])\\([${TONE_LETTERS}]{1,7}\\)`, 'gu');
/** The same without the opening parenthesis: 日?qǐng)?bào) -> 日. */
const BROKEN_PINYIN_NO_PAREN = new RegExp(`\\?[${TONE_LETTERS}]{1,7}\\)`, 'gu');
/** Mojibake runs of rare CJK characters introduced by "?" (e.g. "?偨Y"), left after the rules above. */
const QUESTION_MARK_GARBAGE = /\?[\p{Script=Han}A-Za-z]{0,3}(?=[\p{Script=Han}])/gu;

/** Lines that are page furniture, not content. */
const BOILERPLATE_LINE = [
  /字[號号]\s*大\s*中\s*小/u,
  /^\s*[|｜]?\s*打印\s*[|｜]/u,
  /(?:^|\s)[|｜](?:\s|$).*[|｜]/u,
  /^今天是[:：]?\s*$/u,
  /^(责任编辑|新闻热线|E-mail|策划|制图)[:：]/u,
  /^发布时间[:：]/u,
];
/** Where a web page's article ends and its navigation (related links, editor credits) begins. */
const END_OF_ARTICLE = /^[(（](责编|責編)[:：]|^相[关關]专题|^相[关關]專題|^一周工报速读/u;
const TRAILING_NOISE = /\s*相似文献\s*$/u;

/** Cleans one seed text; returns Markdown-ready paragraphs. */
export function cleanSeedText(raw: string): string {
  const text = raw
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(PINYIN_AFTER_HAN, '$1')
    .replace(BROKEN_WITH_PINYIN, '')
    .replace(BROKEN_PINYIN_NO_PAREN, '')
    .replace(QUESTION_MARK_GARBAGE, '')
    .replace(/\uFFFD/g, '');
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    if (END_OF_ARTICLE.test(line.trim())) break;
    const trimmed = line
      .replace(TRAILING_NOISE, '')
      .replace(/[ \t\u3000]+/g, ' ')
      .trim();
    if (trimmed === '' || BOILERPLATE_LINE.some((re) => re.test(trimmed))) continue;
    lines.push(trimmed);
  }
  return lines.join('\n\n');
}
