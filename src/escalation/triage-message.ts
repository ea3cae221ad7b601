import type { Lang, Triage } from '../core/types.js';
import { normaliseText, type NormalisedText } from '../language/normalise-text.js';
import type { PhraseMatch } from '../language/phrase-matcher.js';
import {
  classifierVerdictAllowed,
  conceptForms,
  evaluateConcepts,
  hasDangerCue,
  type ConceptForms,
} from './concept-rules.js';
import type { MatchForms, RuleSet, TriageRules } from './load-triage-rules.js';
import { classify } from './triage-classifier.js';

/** Longest text examined; triage of a huge message looks at its start and end. */
const MAX_SCAN = 8000;

/** Urgent categories, most serious first: the first one found picks the reply. */
const PRIORITY = [
  'self_harm',
  'death',
  'violence',
  'sexual_harassment',
  'occupational_poisoning',
  'injury',
  'child_labor',
  'pregnancy_dismissal',
  'mass_arrears',
];

function clip(text: string): string {
  return text.length <= MAX_SCAN ? text : `${text.slice(0, MAX_SCAN / 2)}\n${text.slice(-MAX_SCAN / 2)}`;
}

/** The rule matchers' forms, from the concept lexicons' forms (computed once per message and family). */
function formsOf(forms: ConceptForms): MatchForms {
  return { text: forms.text, all: forms.form === forms.reForm ? [forms.form] : [forms.form, forms.reForm] };
}

/** True when a phrase match overlaps a question opener ("em" in "cho em hỏi" is no personal case). */
function insideOpener(m: PhraseMatch, openers: readonly PhraseMatch[]): boolean {
  return openers.some((o) => o.start < m.end && m.start < o.end);
}

/** A personal case is one with a personal cue outside the polite openers, or without any hypothetical framing. */
function isPersonal(set: RuleSet, normalised: NormalisedText): boolean {
  const openers = set.openers.find(normalised);
  const personalCue = set.personal.find(normalised).some((m) => !insideOpener(m, openers));
  return personalCue || !set.hypothetical.test(normalised);
}

/**
 * Whether the classifier may use its general threshold: the message reads as a personal case and holds
 * a danger cue of the concept lexicons. Otherwise (an ordinary or general question) it must be surer.
 */
export function classifierCued(
  rules: TriageRules,
  family: 'zh' | 'vi',
  text: string,
  normalised = normaliseText(clip(text)),
  forms: ConceptForms = conceptForms(normalised, family),
  personal?: boolean,
): boolean {
  if (!rules.concepts) return true;
  if (!(personal ?? isPersonal(rules[family], normalised))) return false;
  return hasDangerCue(rules.concepts[family], text, forms);
}

interface Hit {
  readonly level: 'urgent' | 'person';
  readonly reason: string;
  readonly signals: readonly string[];
}

/** Layers 1 and 3: reviewed rules and concept lexicons (hand-off requests are rules of their own). */
function evaluate(
  rules: TriageRules,
  family: 'zh' | 'vi',
  text: string,
  normalised: NormalisedText = normaliseText(clip(text)),
  messageForms: ConceptForms = conceptForms(normalised, family),
  personal: boolean = isPersonal(rules[family], normalised),
): Hit[] {
  const set: RuleSet = rules[family];
  const forms = formsOf(messageForms);
  const hits: Hit[] = [];
  for (const rule of set.rules) {
    if (!rule.matches(forms) || rule.excluded(forms)) continue;
    if (rule.personal && !personal) continue;
    hits.push({ level: rule.level, reason: rule.category, signals: [] });
  }
  if (rules.concepts) {
    for (const h of evaluateConcepts(rules.concepts[family], text, personal, messageForms)) {
      hits.push({ level: h.level, reason: h.category, signals: h.signals });
    }
  }
  return hits;
}

function ordered(reasons: Iterable<string>): string[] {
  const rank = (r: string) => (PRIORITY.includes(r) ? PRIORITY.indexOf(r) : PRIORITY.length);
  return [...new Set(reasons)].sort((a, b) => rank(a) - rank(b));
}

/**
 * Decides whether a worker's message needs a person: `urgent` (injury, death,
 * poisoning, violence, harassment, self-harm, mass arrears, child labor,
 * pregnancy dismissal), `person` (asked for one) or `none`. The union of three
 * layers decides: reviewed rules and concept lexicons in knowledge/triage, and a
 * trained classifier thresholded for recall. Mixed-language messages are checked
 * against both rule sets; recent worker turns count too, so "他打我" followed by
 * "怎么办" stays urgent. Urgent results carry the danger signals found.
 */
export function triageMessage(
  rules: TriageRules,
  text: string,
  lang: Lang,
  recentWorkerTurns: readonly string[] = [],
): Triage {
  const family = lang === 'vi' ? 'vi' : 'zh';
  // Every layer looks at the same clipped text, normalised once; its forms are computed once per family.
  const clipped = clip(text);
  const normalised = normaliseText(clipped);
  const ownForms = conceptForms(normalised, family);
  // Whether the message reads as the worker's own case: the rules and the classifier's cue both ask.
  const ownPersonal = isPersonal(rules[family], normalised);
  const hits = evaluate(rules, family, text, normalised, ownForms, ownPersonal);
  // A Vietnamese worker may write a Chinese phrase and vice versa.
  const other: 'zh' | 'vi' = family === 'zh' ? 'vi' : 'zh';
  const mixed = other === 'vi' ? /[a-zA-Zà-ỹ]{2,}/u.test(text) : /\p{Script=Han}/u.test(text);
  const otherForms = mixed ? conceptForms(normalised, other) : undefined;
  const otherPersonal = otherForms ? isPersonal(rules[other], normalised) : false;
  if (otherForms) hits.push(...evaluate(rules, other, text, normalised, otherForms, otherPersonal));
  // Layer 2: the classifier adds urgency the lexicons missed (hand-off requests stay with the rules: layer 3).
  if (rules.classifier && /[\p{L}]/u.test(text)) {
    const cued =
      classifierCued(rules, family, clipped, normalised, ownForms, ownPersonal) ||
      (otherForms !== undefined && classifierCued(rules, other, clipped, normalised, otherForms, otherPersonal));
    const verdict = classify(rules.classifier, clipped, cued);
    // A verdict of a category whose required cue (classifier_requires) is absent does not count.
    const concepts = rules.concepts?.[family];
    const allowed = !concepts || classifierVerdictAllowed(concepts, verdict.topCategory, clipped, ownForms);
    if (verdict.urgent && allowed && !hits.some((h) => h.level === 'urgent')) {
      hits.push({
        level: 'urgent',
        reason: verdict.topCategory,
        signals: [`classifier:${verdict.topCategory}:${verdict.urgentScore.toFixed(2)}`],
      });
    }
  }
  // Urgency raised a turn or two ago still holds for a short follow-up.
  if (hits.length === 0 && text.length <= 8) {
    for (const turn of recentWorkerTurns.slice(-2)) {
      for (const hit of evaluate(rules, family, turn)) if (hit.level === 'urgent') hits.push(hit);
    }
  }
  if (hits.length === 0) return { level: 'none', reasons: [] };
  const urgent = hits.filter((h) => h.level === 'urgent');
  if (urgent.length === 0) return { level: 'person', reasons: ordered(hits.map((h) => h.reason)) };
  const signals = [...new Set(urgent.flatMap((h) => h.signals))];
  return { level: 'urgent', reasons: ordered(hits.map((h) => h.reason)), ...(signals.length ? { signals } : {}) };
}
