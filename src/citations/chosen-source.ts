import type { Passage } from '../core/types.js';

/** A passage chosen for the answer, with its quoted excerpt and label. */
export interface ChosenSource {
  readonly passage: Passage;
  readonly label: string;
  readonly excerpt: string;
  readonly bestSentence: string;
  readonly score: number;
}
