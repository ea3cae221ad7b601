import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Prompt templates from PROMPTS_DIR (default: the package's `prompts/`), read once. */
export interface PromptBook {
  /** Fills `{{name}}` placeholders of a template; an unknown template name throws. */
  render(name: string, values: Readonly<Record<string, string>>): string;
}

/** `dir`: PROMPTS_DIR of the Config (src/config/app-config.ts). */
export function loadPromptBook(dir: string): PromptBook {
  const cache = new Map<string, string>();
  const read = (name: string) => {
    let text = cache.get(name);
    if (text === undefined) {
      text = readFileSync(join(dir, `${name}.md`), 'utf8');
      cache.set(name, text);
    }
    return text;
  };
  return {
    render(name, values) {
      return read(name).replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole);
    },
  };
}
