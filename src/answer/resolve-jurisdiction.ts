import type { Jurisdiction, Lang } from '../core/types.js';
import { toSimplified } from '../language/script.js';
import { foldVietnamese } from '../language/vietnamese.js';

// Explicit place mentions that override the language default.
const VIETNAM_IN_CHINESE = /越南/;
const CHINA_IN_VIETNAMESE = /\b(trung quoc|tq)\b/;
const VIETNAM_IN_VIETNAMESE = /\bviet nam\b/;

/**
 * The worker's jurisdiction follows from the language unless they say
 * otherwise: a Chinese question that says 在越南 is answered from Vietnamese
 * law, a Vietnamese one about working in Trung Quốc from PRC law.
 */
export function resolveJurisdiction(text: string, lang: Lang): Jurisdiction {
  if (lang === 'vi') {
    const folded = foldVietnamese(text);
    if (CHINA_IN_VIETNAMESE.test(folded) && !VIETNAM_IN_VIETNAMESE.test(folded)) return 'CN';
    return 'VN';
  }
  return VIETNAM_IN_CHINESE.test(toSimplified(text)) ? 'VN' : 'CN';
}
