import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
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
  const path = join(knowledgeDir, 'console', 'ui.json');
  const raw = z.record(z.string(), z.unknown()).parse(JSON.parse(readFileSync(path, 'utf8')));
  const strings = z.record(z.string(), z.string().min(1));
  const sets = Object.fromEntries(UI_LANGS.map((lang) => [lang, strings.parse(raw[lang] ?? {})])) as Record<UiLang, Record<string, string>>;
  const keys = Object.keys(sets.en);
  for (const lang of UI_LANGS) {
    const missing = keys.filter((k) => !(k in sets[lang]));
    const extra = Object.keys(sets[lang]).filter((k) => !(k in sets.en));
    if (missing.length || extra.length) throw new Error(`Invalid console texts in ${path}: ${lang} ${missing.length ? `lacks ${missing.join(', ')}` : `has unknown ${extra.join(', ')}`}`);
  }
  return {
    forLang(lang) {
      const set = sets[lang];
      return (key, values = {}) => {
        const text = set[key];
        if (text === undefined) throw new Error(`console text ${key} is not defined`);
        return text.replace(/\{(\w+)\}/g, (whole, name: string) => (values[name] === undefined ? whole : String(values[name])));
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
