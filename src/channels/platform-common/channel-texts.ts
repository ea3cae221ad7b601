import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Lang } from '../../core/types.js';

const workerSet = z.object({ welcome: z.string().min(1), handoff_request: z.string().min(1) });
const schema = z.object({
  worker: z.object({ 'zh-Hans': workerSet, 'zh-Hant': workerSet, vi: workerSet }),
  staff: z.object({ window_closed: z.string().min(1), quota_exhausted: z.string().min(1), unsubscribed: z.string().min(1), person_state: z.string().min(1) }),
});

export type StaffNoteKey = keyof z.infer<typeof schema>['staff'];

export interface ChannelTexts {
  worker(key: keyof z.infer<typeof workerSet>, lang: Lang): string;
  staff(key: StaffNoteKey, values: Readonly<Record<string, string>>): string;
}

/** Loads `knowledge/channels/texts.json`; a bad file stops start-up naming the field. */
export function loadChannelTexts(knowledgeDir: string): ChannelTexts {
  const path = join(knowledgeDir, 'channels', 'texts.json');
  const parsed = schema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`Invalid channel texts in ${path}: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
  const texts = parsed.data;
  return {
    worker: (key, lang) => texts.worker[lang][key],
    staff: (key, values) => texts.staff[key].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole),
  };
}
