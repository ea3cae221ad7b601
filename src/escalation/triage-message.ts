import type { Lang, Triage } from '../core/types.js';
import { toSimplified } from '../language/script.js';
import { foldVietnamese } from '../language/vietnamese.js';
import type { RuleSet, TriageRules } from './load-triage-rules.js';

/** Longest text examined; triage of a huge message looks at its start and end. */
const MAX_SCAN = 8000;

function clip(text: string): string {
  return text.length <= MAX_SCAN ? text : `${text.slice(0, MAX_SCAN / 2)}\n${text.slice(-MAX_SCAN / 2)}`;
}

function formsOf(text: string, family: 'zh' | 'vi'): string[] {
  const t = clip(text);
  if (family === 'zh') return [toSimplified(t.toLowerCase())];
  // Padded, punctuation-free forms so patterns match on syllable boundaries.
  const words = (x: string) => ` ${x.replace(/[^\p{L}\p{N}%]+/gu, ' ').trim()} `;
  return [words(t.normalize('NFC').toLowerCase()), words(foldVietnamese(t))];
}

function evaluate(set: RuleSet, forms: readonly string[]): { level: 'urgent' | 'person'; reason: string }[] {
  // A personal case is one with a personal cue, or without any hypothetical framing.
  const personal = set.personal(forms) || !set.hypothetical(forms);
  const hits: { level: 'urgent' | 'person'; reason: string }[] = [];
  for (const rule of set.rules) {
    if (!rule.matches(forms) || rule.excluded(forms)) continue;
    if (rule.personal && !personal) continue;
    hits.push({ level: rule.level, reason: rule.category });
  }
  return hits;
}

/**
 * Decides whether a worker's message needs a person: `urgent` (injury, death,
 * poisoning, violence, harassment, self-harm, mass arrears, child labor,
 * pregnancy dismissal), `person` (asked for one) or `none`. Rules are data in
 * knowledge/triage. Mixed-language messages are checked against both rule
 * sets; recent worker turns count too, so "他打我" followed by "怎么办" stays urgent.
 */
export function triageMessage(rules: TriageRules, text: string, lang: Lang, recentWorkerTurns: readonly string[] = []): Triage {
  const family = lang === 'vi' ? 'vi' : 'zh';
  const hits = evaluate(rules[family], formsOf(text, family));
  // A Vietnamese worker may write a Chinese phrase and vice versa.
  const other = family === 'zh' ? 'vi' : 'zh';
  if (other === 'vi' ? /[a-zA-Zà-ỹ]{2,}/u.test(text) : /\p{Script=Han}/u.test(text)) hits.push(...evaluate(rules[other], formsOf(text, other)));
  // Urgency raised a turn or two ago still holds for a short follow-up.
  if (hits.length === 0 && text.length <= 8) {
    for (const turn of recentWorkerTurns.slice(-2)) {
      for (const hit of evaluate(rules[family], formsOf(turn, family))) if (hit.level === 'urgent') hits.push(hit);
    }
  }
  if (hits.length === 0) return { level: 'none', reasons: [] };
  const level = hits.some((h) => h.level === 'urgent') ? 'urgent' : 'person';
  return { level, reasons: [...new Set(hits.map((h) => h.reason))] };
}
