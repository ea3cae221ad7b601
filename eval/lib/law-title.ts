import { toSimplified } from '../../src/language/script.js';
import { foldVietnamese } from '../../src/language/vietnamese.js';

/** Vietnamese document numbers: 45/2019/QH14, 145/2020/NĐ-CP, 2089/VBHN-BHXH. */
const LAW_NUMBER = /\d+\s*\/\s*\d{4}\s*\/\s*[\p{L}\d]+(?:-[\p{L}\d]+)*/u;

/**
 * Matching key of a law number: folded, lower case, without spaces
 * (`45/2019/QH14` -> `45/2019/qh14`, `145/2020/NĐ-CP` -> `145/2020/nd-cp`).
 */
export function lawNumberKey(number: string): string {
  return foldVietnamese(number).replace(/\s+/g, '');
}

/** The document number written inside a title (`Nghị định 145/2020/NĐ-CP`), if any. */
export function lawNumberInTitle(title: string): string | undefined {
  return LAW_NUMBER.exec(title.normalize('NFC'))?.[0];
}

/**
 * Matching key of a law title: Simplified script, without 中华人民共和国,
 * 《》〈〉「」, years and parenthesised version dates (`(2018年修正)`,
 * `（2023-12-29）`), Vietnamese diacritics, case, commas and the word `số`.
 * `（一）` stays, because it tells judicial interpretations apart.
 * `中華人民共和國勞動合同法（2012年修正）` -> `劳动合同法`;
 * `Bộ luật Lao động năm 2019` -> `bo luat lao dong`.
 */
export function lawTitleKey(title: string): string {
  return foldVietnamese(toSimplified(title.normalize('NFC')))
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[《》〈〉「」『』"“”]/g, '')
    .replace(/中华人民共和国/g, '')
    .replace(/\([^()]*\d{4}[^()]*\)/g, '')
    .replace(/(^|\s)(nam\s+)?\d{4}(?=\s|$)/g, ' ')
    .replace(/(^|\s)so\s+(?=\d)/g, ' ')
    .replace(/[,，、]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
