import { z } from 'zod';
import { loadConsoleTexts, type ConsoleTexts } from '../knowledge/load-console.js';
import type { UiLang } from '../stores/console-store.js';

export const UI_LANGS: readonly UiLang[] = ['zh-Hans', 'zh-Hant', 'vi', 'en'];
export const uiLangSchema = z.enum(['zh-Hans', 'zh-Hant', 'vi', 'en']);

/** Looks up an interface string in a language and fills `{placeholders}`. */
export type Translate = (key: string, values?: Readonly<Record<string, string | number>>) => string;

export interface UiTexts {
  forLang(lang: UiLang): Translate;
}

/**
 * Loads `knowledge/console/ui.json`. Every language must have exactly the
 * keys of `en`, so a missing translation stops the console at start-up
 * instead of showing a key to staff.
 */
export function loadUiTexts(knowledgeDir: string): UiTexts {
  return createUiTexts(loadConsoleTexts(knowledgeDir));
}

/** Interface texts from loaded knowledge/console/ui.json (checked complete by src/knowledge/load-console.ts). */
export function createUiTexts(sets: ConsoleTexts): UiTexts {
  return {
    forLang(lang) {
      const set = sets[lang];
      return (key, values = {}) => {
        const text = set[key];
        if (text === undefined) throw new Error(`console text ${key} is not defined`);
        return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
          values[name] === undefined ? whole : String(values[name]),
        );
      };
    },
  };
}

/** The interface language a browser asks for (login page, before the account's setting is known). */
export function langFromAcceptLanguage(header: string | undefined): UiLang {
  for (const part of (header ?? '').toLowerCase().split(',')) {
    const tag = part.split(';')[0]?.trim() ?? '';
    if (/^zh-(hant|tw|hk|mo)/.test(tag)) return 'zh-Hant';
    if (tag.startsWith('zh')) return 'zh-Hans';
    if (tag.startsWith('vi')) return 'vi';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh-Hans';
}
