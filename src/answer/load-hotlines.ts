import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { HotlineBook, Hotlines } from './hotlines.js';

const numberSchema = z.object({ number: z.string().regex(/^[0-9 +\-]{3,20}$/).nullable(), name: z.string() }).loose();
const jurisdictionSchema = z.object({ union_hotline: numberSchema, emergency: z.array(numberSchema) });
const contactsSchema = z.object({ CN: jurisdictionSchema, VN: jurisdictionSchema }).loose();

function toHotlines(entry: z.infer<typeof jurisdictionSchema>): Hotlines {
  return {
    union: entry.union_hotline.number,
    emergency: entry.emergency.flatMap((e) => (e.number ? [e.number] : [])).join(' / '),
  };
}

/** Reads hotline numbers from `knowledge/contacts.json` (editable by the deploying union). */
export function loadHotlines(knowledgeDir: string): HotlineBook {
  const path = join(knowledgeDir, 'contacts.json');
  const parsed = contactsSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid contacts in ${path}: ${issue?.path.join('.')} ${issue?.message}`);
  }
  return { CN: toHotlines(parsed.data.CN), VN: toHotlines(parsed.data.VN) };
}
