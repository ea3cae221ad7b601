import { join } from 'node:path';
import { z } from 'zod';
import { displayPath, KnowledgeFileError, readJsonFile } from './read-json-file.js';

/** Languages of the staff console's interface. */
export const CONSOLE_LANGS = ['zh-Hans', 'zh-Hant', 'vi', 'en'] as const;
export type ConsoleLang = (typeof CONSOLE_LANGS)[number];

const strings = z.record(z.string(), z.string().min(1));

/** `knowledge/console/ui.json`: interface strings per language; every language has exactly the keys of `en`. */
export const consoleTextsSchema = z.object({
  'zh-Hans': strings.default({}),
  'zh-Hant': strings.default({}),
  vi: strings.default({}),
  en: strings.default({}),
});
export type ConsoleTexts = Readonly<Record<ConsoleLang, Readonly<Record<string, string>>>>;

/**
 * Loads `<knowledgeDir>/console/ui.json`. A missing translation stops the
 * console at start-up instead of showing a key to staff.
 */
export function loadConsoleTexts(knowledgeDir: string): ConsoleTexts {
  const path = join(knowledgeDir, 'console', 'ui.json');
  const sets = readJsonFile(path, consoleTextsSchema);
  const keys = Object.keys(sets.en);
  for (const lang of CONSOLE_LANGS) {
    const missing = keys.filter((k) => !(k in sets[lang]));
    const extra = Object.keys(sets[lang]).filter((k) => !(k in sets.en));
    if (missing.length || extra.length) {
      const detail = missing.length ? `lacks ${missing.join(', ')}` : `has unknown ${extra.join(', ')}`;
      throw new KnowledgeFileError(displayPath(path), `${lang} ${detail}`, { field: lang });
    }
  }
  return sets;
}
