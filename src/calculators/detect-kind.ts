import type { Jurisdiction, Lang } from '../core/types.js';
import { toSimplified } from '../language/script.js';
import type { CalculatorData } from './load-calculator-data.js';
import type { CalcKind } from './types.js';

function cueRegex(cue: string, vi: boolean): RegExp {
  return vi ? new RegExp(`(?<![\\p{L}\\d])(?:${cue})(?![\\p{L}\\d])`, 'iu') : new RegExp(cue, 'i');
}

/** Prepared matcher over the reviewed cues of knowledge/calculators/intents.json. */
export function createKindDetector(intents: CalculatorData['intents']) {
  const kinds = intents.kinds.map((k) => ({
    kind: k.kind,
    zh: (k.zh ?? []).map((c) => cueRegex(c, false)),
    vi: (k.vi ?? []).map((c) => cueRegex(c, true)),
  }));
  const legality = { zh: intents.legality_cues.zh.map((c) => cueRegex(c, false)), vi: intents.legality_cues.vi.map((c) => cueRegex(c, true)) };
  const amount = { zh: intents.amount_cues.zh.map((c) => cueRegex(c, false)), vi: intents.amount_cues.vi.map((c) => cueRegex(c, true)) };
  return {
    /** The calculator a message names, limited to the jurisdiction's calculators. */
    kind(text: string, lang: Lang, jurisdiction: Jurisdiction): CalcKind | undefined {
      const family = lang === 'vi' ? 'vi' : 'zh';
      const t = family === 'zh' ? toSimplified(text) : text.normalize('NFC');
      const prefix = jurisdiction === 'CN' ? 'cn_' : 'vn_';
      return kinds.find((k) => k.kind.startsWith(prefix) && k[family].some((re) => re.test(t)))?.kind;
    },
    /** Whether the message asks if something is lawful ("这合法吗", "có đúng luật không"). */
    asksLegality(text: string, lang: Lang): boolean {
      const family = lang === 'vi' ? 'vi' : 'zh';
      const t = family === 'zh' ? toSimplified(text) : text.normalize('NFC');
      return legality[family].some((re) => re.test(t));
    },
    /** Whether the message asks for a figure ("多少", "bao nhiêu", ...). */
    asksAmount(text: string, lang: Lang): boolean {
      const family = lang === 'vi' ? 'vi' : 'zh';
      const t = family === 'zh' ? toSimplified(text) : text.normalize('NFC');
      return amount[family].some((re) => re.test(t));
    },
  };
}
