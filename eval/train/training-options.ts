import type { ArticleTermOptions, TranslationOptions } from './translation-table.js';

/** Table-estimation settings, chosen by eval/train/tune-expansion.ts on the tuning slice of train (never on test). */
export const TRAINING_OPTIONS: TranslationOptions = { minPairCount: 2, minPmi: 0.5, perTerm: 10, shrink: 3 };

/** Article vocabulary settings (document expansion). */
export const ARTICLE_TERM_OPTIONS: ArticleTermOptions = { perArticle: 24, cap: 3 };
