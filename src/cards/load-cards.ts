import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Jurisdiction } from '../core/types.js';
import { cardFileSchema, cardTextsSchema, nextStepsFileSchema, phraseTableSchema, type AnswerCard, type CardTexts, type NextSteps } from './card-schema.js';

/** Everything under knowledge/cards. */
export interface CardBook {
  readonly cards: readonly AnswerCard[];
  readonly nextSteps: Readonly<Record<Jurisdiction, NextSteps>>;
  /** Taiwan/HK term swaps applied after OpenCC to Traditional replies. */
  readonly hantPhrases: readonly { from: string; to: string }[];
  /** Which file each card came from (for error messages). */
  readonly sourceOf: ReadonlyMap<string, string>;
  /** Wording around card replies. */
  readonly texts: CardTexts;
}

export class CardError extends Error {}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CardError(`${path}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

function parse<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, path: string): T {
  const result = schema.safeParse(readJson(path));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new CardError(`${path}: ${issue?.path.map(String).join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}

/** Loads and validates knowledge/cards; an invalid file stops start-up with its name and field. */
export function loadCards(knowledgeDir: string): CardBook {
  const root = join(knowledgeDir, 'cards');
  const cards: AnswerCard[] = [];
  const sourceOf = new Map<string, string>();
  const nextSteps: Record<Jurisdiction, NextSteps> = { CN: {}, VN: {} };
  for (const [folder, jurisdiction] of [['cn', 'CN'], ['vn', 'VN']] as const) {
    const dir = join(root, folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
      const path = join(dir, name);
      if (name === 'next-steps.json') {
        nextSteps[jurisdiction] = parse(nextStepsFileSchema, path).steps;
        continue;
      }
      for (const card of parse(cardFileSchema, path).cards) {
        if (card.jurisdiction !== jurisdiction) throw new CardError(`${path}: card ${card.id} has jurisdiction ${card.jurisdiction} in the ${folder} folder`);
        if (sourceOf.has(card.id)) throw new CardError(`${path}: duplicate card id ${card.id} (also in ${sourceOf.get(card.id)})`);
        sourceOf.set(card.id, `${folder}/${name}`);
        cards.push(card);
      }
    }
  }
  const phrasePath = join(root, 'zh-hant-phrases.json');
  const hantPhrases = existsSync(phrasePath) ? parse(phraseTableSchema, phrasePath).replace : [];
  const texts = parse(cardTextsSchema, join(root, 'card-texts.json'));
  return { cards, nextSteps, hantPhrases, sourceOf, texts };
}
