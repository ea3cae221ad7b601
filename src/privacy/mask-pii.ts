/**
 * Masks personal data before text leaves the machine (LLM endpoints) or
 * reaches logs and the staff channel summary. Order matters: longer numbers
 * (ID cards, bank cards) are masked before phone numbers.
 */
const RULES: readonly [RegExp, string][] = [
  // PRC resident ID: 17 digits + digit or X.
  [/(?<!\d)\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?!\d)/g, '[身份证号]'],
  // Bank cards: 16-19 digits, optionally grouped by spaces or dashes.
  [/(?<!\d)(?:\d[ -]?){15,18}\d(?!\d)/g, '[卡号]'],
  // Vietnamese CCCD: 12 digits.
  [/(?<!\d)0\d{11}(?!\d)/g, '[số CCCD]'],
  // Email addresses.
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '[email]'],
  // PRC mobile: 1[3-9] + 9 digits, with optional +86 and separators.
  [/(?:\+?86[ -]?)?(?<!\d)1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)/g, '[手机号]'],
  // Vietnamese mobile: 0[35789] + 8 digits, or +84.
  [/(?:\+84|(?<!\d)0)[35789]\d(?:[ .-]?\d){7}(?!\d)/g, '[số điện thoại]'],
  // Self-introductions: 我叫张三 / 我是李四 / tôi tên là Nguyễn Văn A.
  [/(我叫|我的名字是|本人)([\p{Script=Han}]{2,4})/gu, '$1[姓名]'],
  [/((?:[Tt]ôi|[Ee]m|[Mm]ình) tên là|[Tt]ên (?:tôi|em) là)\s+((?:\p{Lu}\p{Ll}*\s?){1,4})/gu, '$1 [họ tên] '],
];

/** Replaces ID numbers, bank cards, phone numbers, emails and self-introduced names with placeholders. */
export function maskPii(text: string): string {
  let out = text;
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out;
}
