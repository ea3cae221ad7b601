import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFile } from './read-json-file.js';

const text = z.string().min(1);
const workerSet = z.object({ welcome: text, handoff_request: text });

/** `knowledge/channels/texts.json`: platform channel wording for workers and staff notes. */
export const channelTextsSchema = z.object({
  worker: z.object({ 'zh-Hans': workerSet, 'zh-Hant': workerSet, vi: workerSet }),
  staff: z.object({ window_closed: text, quota_exhausted: text, unsubscribed: text, person_state: text }),
});
export type ChannelTextsFile = z.infer<typeof channelTextsSchema>;

/** Loads `<knowledgeDir>/channels/texts.json`. */
export function loadChannelTextsFile(knowledgeDir: string): ChannelTextsFile {
  return readJsonFile(join(knowledgeDir, 'channels', 'texts.json'), channelTextsSchema);
}
