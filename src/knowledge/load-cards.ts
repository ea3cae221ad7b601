import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import {
  actorCuesSchema,
  cardFileSchema,
  cardTextsSchema,
  nextStepsFileSchema,
  phraseTableSchema,
  type ActorCueRule,
  type AnswerCard,
  type CardTexts,
  type NextSteps,
} from './card-schema.js';
import { toSimplified } from '../language/script.js';
import { KnowledgeFileError, displayPath, readJsonFile } from './read-json-file.js';

const words = z.strictObject({ zh: z.array(z.string().min(1)), vi: z.array(z.string().min(1)) });
const wordsWithEnglish = words.extend({ en: z.array(z.string().min(1)) });

/** `knowledge/cards/scope-notice.json`: questions about another country's law, and "full text" requests. */
export const scopeNoticeSchema = z.strictObject({
  _note: z.string().optional(),
  cues: wordsWithEnglish,
  law_words: wordsWithEnglish,
  home_words: wordsWithEnglish,
  reply: z.strictObject({ 'zh-Hans': z.string().min(1), vi: z.string().min(1), en: z.string().min(1) }),
  full_text: words,
});
export type ScopeNotice = z.infer<typeof scopeNoticeSchema>;

/** Everything under knowledge/cards except the scope notice. */
export interface CardBook {
  readonly cards: readonly AnswerCard[];
  readonly nextSteps: Readonly<Record<'CN' | 'VN', NextSteps>>;
  /** Taiwan/HK term swaps applied after OpenCC to Traditional replies. */
  readonly hantPhrases: readonly { from: string; to: string }[];
  /** Which file each card came from (for error messages). */
  readonly sourceOf: ReadonlyMap<string, string>;
  /** Wording around card replies. */
  readonly texts: CardTexts;
}

/** The reviewed tables that say how a question is read before card matching (no file: an empty table). */
export interface CardReaderTables {
  /** `zh-term-variants.json`: Taiwan / HK terms and colloquial words -> one Simplified form. */
  readonly termVariants: readonly { from: string; to: string }[];
  /** `zh-actor-cues.json`: cards demoted when the other party ended the job. */
  readonly actorCues: readonly ActorCueRule[];
  /** `vi-chat-abbreviations.json`: cty, ko, bhxh … spelled out. */
  readonly viAbbreviations: readonly { from: string; to: string }[];
}

/** Everything under knowledge/cards. */
export interface CardsKnowledge extends CardBook {
  readonly scopeNotice: ScopeNotice;
  readonly readerTables: CardReaderTables;
}

/** Loads the reader tables of `<knowledgeDir>/cards`, checking the rules a schema cannot. */
export function loadCardReaderTables(knowledgeDir: string, cardIds?: ReadonlySet<string>): CardReaderTables {
  const root = join(knowledgeDir, 'cards');
  const optional = <T>(name: string, read: (path: string) => T, none: T): T => {
    const path = join(root, name);
    return existsSync(path) ? read(path) : none;
  };
  const termVariants = optional('zh-term-variants.json', (path) => {
    const table = readJsonFile(path, phraseTableSchema).replace;
    table.forEach(({ from }, i) => {
      // Questions are folded to Simplified before the table applies, so a Traditional `from` never matches.
      if (toSimplified(from) !== from)
        throw new KnowledgeFileError(displayPath(path), `"${from}" must be Simplified (text is folded first)`, {
          field: `replace[${i}].from`,
        });
    });
    return table;
  }, []);
  const actorCues = optional('zh-actor-cues.json', (path) => {
    const rules = readJsonFile(path, actorCuesSchema).rules;
    rules.forEach((r, i) => {
      const unknown = cardIds ? r.demote.find((id) => !cardIds.has(id)) : undefined;
      if (unknown)
        throw new KnowledgeFileError(displayPath(path), `rule ${r.id} names unknown card ${unknown}`, {
          field: `rules[${i}].demote`,
        });
    });
    return rules;
  }, []);
  const viAbbreviations = readJsonFile(join(root, 'vi-chat-abbreviations.json'), phraseTableSchema).replace;
  return { termVariants, actorCues, viAbbreviations };
}

/** Loads `<knowledgeDir>/cards/scope-notice.json`. */
export function loadScopeNotice(knowledgeDir: string): ScopeNotice {
  return readJsonFile(join(knowledgeDir, 'cards', 'scope-notice.json'), scopeNoticeSchema);
}

/**
 * Loads and validates the card files of `<knowledgeDir>/cards/{cn,vn}`, the
 * next steps, the Traditional phrase table and the card texts. A card in the
 * wrong folder or a duplicate id stops start-up naming the file.
 */
export function loadCardBook(knowledgeDir: string): CardBook {
  const root = join(knowledgeDir, 'cards');
  const cards: AnswerCard[] = [];
  const sourceOf = new Map<string, string>();
  const nextSteps: Record<'CN' | 'VN', NextSteps> = { CN: {}, VN: {} };
  for (const [folder, jurisdiction] of [['cn', 'CN'], ['vn', 'VN']] as const) {
    const dir = join(root, folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
      const path = join(dir, name);
      if (name === 'next-steps.json') {
        nextSteps[jurisdiction] = readJsonFile(path, nextStepsFileSchema).steps;
        continue;
      }
      readJsonFile(path, cardFileSchema).cards.forEach((card, i) => {
        const field = `cards[${i}].id`;
        if (card.jurisdiction !== jurisdiction) {
          const detail = `card ${card.id} has jurisdiction ${card.jurisdiction} in the ${folder} folder`;
          throw new KnowledgeFileError(displayPath(path), detail, { field });
        }
        const other = sourceOf.get(card.id);
        if (other) {
          throw new KnowledgeFileError(displayPath(path), `duplicate card id ${card.id} (also in ${other})`, { field });
        }
        sourceOf.set(card.id, `${folder}/${name}`);
        cards.push(card);
      });
    }
  }
  const phrasePath = join(root, 'zh-hant-phrases.json');
  const hantPhrases = existsSync(phrasePath) ? readJsonFile(phrasePath, phraseTableSchema).replace : [];
  const texts = readJsonFile(join(root, 'card-texts.json'), cardTextsSchema);
  return { cards, nextSteps, hantPhrases, sourceOf, texts };
}

/** Loads knowledge/cards. */
export function loadCardsFolder(knowledgeDir: string): CardsKnowledge {
  const book = loadCardBook(knowledgeDir);
  const ids = new Set(book.cards.map((c) => c.id));
  return { ...book, scopeNotice: loadScopeNotice(knowledgeDir), readerTables: loadCardReaderTables(knowledgeDir, ids) };
}
