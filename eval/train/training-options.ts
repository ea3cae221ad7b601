import type { TranslationOptions } from './translation-table.js';

/** Table-estimation settings, chosen by eval/train/tune-expansion.ts on the tuning slice of train (never on test). */
export const TRAINING_OPTIONS: TranslationOptions = { minPairCount: 3, minPmi: 1, perTerm: 6, shrink: 3 };
