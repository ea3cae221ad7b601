import type { Jurisdiction, Lang, Passage, Triage } from '../core/types.js';
import type { UrgentReplyBook } from './load-urgent-replies.js';

/** An article an urgent reply rests on, and the words that pick the quoted sentence. */
export interface UrgentCitation {
  readonly passage: Passage;
  readonly focus: string;
}

/** Card topics and single card ids allowed to answer inside an urgent reply. */
export interface CardAllowList {
  readonly topics: readonly string[];
  readonly ids: readonly string[];
}

const NO_CARDS: CardAllowList = { topics: [], ids: [] };

/** The first reply to an urgent case or a hand-off request, before its citations are verified. */
export interface UrgentReplyPlan {
  readonly kind: 'crisis' | 'category' | 'handoff';
  readonly category: string;
  readonly citations: readonly UrgentCitation[];
  /** Cards whose plain answer may join a category reply (knowledge/triage/responses `card_topics`, `cards`). */
  readonly cardsAllowed: CardAllowList;
  /**
   * The reply text, given the quoted lines ("• label：excerpt") of the citations that passed verification
   * and, for a category reply only, the plain answer to the worker's own question (after the first lines).
   */
  compose(sourceLines: readonly string[], answerLines?: readonly string[]): string;
}

/** Fills `{name}` placeholders; a line naming a number that is not configured is dropped (never a made-up number). */
function fillLines(lines: readonly string[], values: Readonly<Record<string, string>>): string[] {
  return lines.flatMap((line) => {
    let missing = false;
    const out = line.replace(/\{(\w+)\}/g, (_, name: string) => {
      const v = values[name];
      if (v === undefined) missing = true;
      return v ?? '';
    });
    return missing ? [] : [out];
  });
}

function placeholderValues(book: UrgentReplyBook, jurisdiction: Jurisdiction): Record<string, string> {
  const c = book.contacts[jurisdiction];
  const values: Record<string, string> = { union_hotline_suffix: c.union ? ` (đường dây nóng: ${c.union})` : '' };
  const map: Record<string, string | undefined> = {
    police: c.police,
    ambulance: c.ambulance,
    crisis_line: c.crisis,
    child_line: c.child_protection,
    union_hotline: c.union,
  };
  for (const [k, v] of Object.entries(map)) if (v) values[k] = v;
  return values;
}

/** A reply of fixed lines that rests on no statute and takes no card: the crisis care and the hand-off. */
function fixedPlan(kind: 'crisis' | 'handoff', category: string, lines: readonly string[]): UrgentReplyPlan {
  return { kind, category, citations: [], cardsAllowed: NO_CARDS, compose: () => lines.join('\n') };
}

/**
 * Plans the reply for an urgent case or a request for a person: crisis care
 * for self-harm (calm words, the crisis line, a person will call; no statute),
 * a category reply with next steps and the articles it rests on, or the
 * hand-off reply (no statute). Returns null when triage needs no such reply.
 * Texts live in knowledge/triage/responses; articles are looked up, never made up.
 */
export function planUrgentReply(
  book: UrgentReplyBook,
  triage: Triage,
  lang: Lang,
  jurisdiction: Jurisdiction,
  lookup: (docId: string, article: number) => Passage | undefined,
): UrgentReplyPlan | null {
  const texts = lang === 'vi' ? book.vi : book.zh;
  const values = placeholderValues(book, jurisdiction);
  const category = triage.reasons[0] ?? 'default';
  if (triage.level === 'urgent' && triage.reasons.includes('self_harm')) {
    return fixedPlan('crisis', 'self_harm', fillLines(texts.self_harm, values));
  }
  if (triage.level === 'person') {
    if (!triage.reasons.includes('asked_for_person')) return null;
    return fixedPlan('handoff', 'asked_for_person', fillLines(texts.handoff, values));
  }
  if (triage.level !== 'urgent') return null;
  const entry = texts.categories[category] ?? texts.categories.default!;
  // Citations of the worker's language family only: a Chinese reply about Vietnamese law would misquote.
  const family = lang === 'vi' ? 'vn/' : 'cn/';
  const ownLaw = jurisdiction === (lang === 'vi' ? 'VN' : 'CN');
  const citations = ownLaw
    ? entry.cite.flatMap((c) => {
        const passage = c.doc.startsWith(family) ? lookup(c.doc, c.article) : undefined;
        return passage ? [{ passage, focus: c.focus }] : [];
      })
    : [];
  return {
    kind: 'category',
    category,
    citations,
    cardsAllowed: { topics: entry.card_topics ?? [], ids: entry.cards ?? [] },
    compose: (sourceLines, answerLines = []) => {
      const steps = fillLines(entry.steps, values);
      const lines = [...fillLines(entry.first, values), ''];
      // The worker's question still gets its answer; safety and the hotline stay first.
      if (answerLines.length) lines.push(...answerLines, '');
      if (steps.length) lines.push(texts.steps_heading, ...steps.map((s, i) => `${i + 1}. ${s}`), '');
      if (sourceLines.length) lines.push(texts.sources_heading, ...sourceLines, '');
      lines.push(...fillLines(texts.staff_notified, values));
      if (sourceLines.length) lines.push('', texts.disclaimer);
      return lines.join('\n');
    },
  };
}
