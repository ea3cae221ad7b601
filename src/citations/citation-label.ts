import type { Passage } from '../core/types.js';
import { toChineseNumeral } from '../language/chinese-numerals.js';

/**
 * The human label of a cited passage, in the document's own citation style:
 * 《劳动合同法》第八十二条, "Điều 35 Bộ luật Lao động 2019", 《工会服务指南》.
 */
export function citationLabel(passage: Passage): string {
  if (passage.language === 'zh') {
    return passage.article === undefined
      ? `《${passage.law}》`
      : `《${passage.law}》第${toChineseNumeral(passage.article)}条`;
  }
  return passage.article === undefined ? passage.law : `Điều ${passage.article} ${passage.law}`;
}
