import type { Jurisdiction, Lang } from '../core/types.js';
import { toSimplified } from '../language/script.js';
import { hasVietnameseLetters } from '../language/vietnamese.js';
import { stripMarks } from './parse/vi-fold.js';
import type { CalculatorData } from './load-calculator-data.js';
import type { CalcKind } from './types.js';

/** Text to match and which cue set: Vietnamese typed without marks is matched against mark-free cues. */
function prepare(text: string, lang: Lang): { t: string; family: 'zh' | 'vi' | 'viFolded' } {
  if (lang !== 'vi') return { t: toSimplified(text), family: 'zh' };
  const t = text.normalize('NFC');
  return hasVietnameseLetters(t) ? { t, family: 'vi' } : { t: stripMarks(t), family: 'viFolded' };
}

function cueRegex(cue: string, vi: boolean): RegExp {
  return vi ? new RegExp(`(?<![\\p{L}\\d])(?:${cue})(?![\\p{L}\\d])`, 'iu') : new RegExp(cue, 'i');
}

/** Prepared matcher over the reviewed cues of knowledge/calculators/intents.json. */
export function createKindDetector(intents: CalculatorData['intents']) {
  const cueSets = (cues: { readonly zh: readonly string[]; readonly vi: readonly string[] }) => ({
    zh: cues.zh.map((c) => cueRegex(c, false)),
    vi: cues.vi.map((c) => cueRegex(c, true)),
    viFolded: cues.vi.map((c) => cueRegex(stripMarks(c), true)),
  });
  const kinds = intents.kinds.map((k) => {
    const exclude = k.exclude ?? [];
    return {
      kind: k.kind,
      ...cueSets({ zh: k.zh ?? [], vi: k.vi ?? [] }),
      exclude: cueSets({ zh: exclude, vi: exclude }),
    };
  });
  const legality = cueSets(intents.legality_cues);
  const amount = cueSets(intents.amount_cues);
  return {
    /** The calculator a message names, limited to the jurisdiction's calculators. */
    kind(text: string, lang: Lang, jurisdiction: Jurisdiction): CalcKind | undefined {
      const { t, family } = prepare(text, lang);
      const prefix = jurisdiction === 'CN' ? 'cn_' : 'vn_';
      return kinds.find(
        (k) =>
          k.kind.startsWith(prefix) &&
          k[family].some((re) => re.test(t)) &&
          !k.exclude[family].some((re) => re.test(t)),
      )?.kind;
    },
    /** Whether the message asks if something is lawful ("这合法吗", "có đúng luật không"). */
    asksLegality(text: string, lang: Lang): boolean {
      const { t, family } = prepare(text, lang);
      return legality[family].some((re) => re.test(t));
    },
    /** Whether the message asks for a figure ("多少", "bao nhiêu", ...). */
    asksAmount(text: string, lang: Lang): boolean {
      const { t, family } = prepare(text, lang);
      return amount[family].some((re) => re.test(t));
    },
  };
}
