import type { Lang } from '../../core/types.js';
import { loadChannelTextsFile, type ChannelTextsFile } from '../../knowledge/load-channels.js';

export type StaffNoteKey = keyof ChannelTextsFile['staff'];

export interface ChannelTexts {
  worker(key: keyof ChannelTextsFile['worker']['vi'], lang: Lang): string;
  staff(key: StaffNoteKey, values: Readonly<Record<string, string>>): string;
}

/** Loads `knowledge/channels/texts.json`; a bad file stops start-up naming the field. */
export function loadChannelTexts(knowledgeDir: string): ChannelTexts {
  return createChannelTexts(loadChannelTextsFile(knowledgeDir));
}

/** Channel wording from loaded knowledge/channels/texts.json. */
export function createChannelTexts(texts: ChannelTextsFile): ChannelTexts {
  return {
    worker: (key, lang) => texts.worker[lang][key],
    staff: (key, values) => texts.staff[key].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole),
  };
}
