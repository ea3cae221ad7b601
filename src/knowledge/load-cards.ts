import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import {
  cardFileSchema,
  cardTextsSchema,
  nextStepsFileSchema,
  phraseTableSchema,
  type AnswerCard,
  type CardTexts,
  type NextSteps,
} from './card-schema.js';
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

/** Everything under knowledge/cards. */
export interface CardsKnowledge extends CardBook {
  readonly scopeNotice: ScopeNotice;
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
  return { ...loadCardBook(knowledgeDir), scopeNotice: loadScopeNotice(knowledgeDir) };
}
