import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Jurisdiction } from '../core/types.js';

const citeSchema = z.object({ doc: z.string().min(3), article: z.number().int().positive(), focus: z.string().min(2) });
const categorySchema = z.object({ first: z.array(z.string().min(1)).min(1), steps: z.array(z.string().min(1)), cite: z.array(citeSchema) });
const responsesSchema = z.object({
  _note: z.string().optional(),
  sources_heading: z.string().min(1),
  steps_heading: z.string().min(1),
  staff_notified: z.array(z.string().min(1)).min(1),
  disclaimer: z.string().min(1),
  handoff: z.array(z.string().min(1)).min(1),
  self_harm: z.array(z.string().min(1)).min(1),
  categories: z.record(z.string(), categorySchema).refine((c) => 'default' in c, 'needs a `default` category'),
});
export type UrgentResponses = z.infer<typeof responsesSchema>;

const numberSchema = z.object({ number: z.string().regex(/^[0-9 +\-]{3,20}$/).nullable(), role: z.string().optional(), source: z.string().optional() }).loose();
const jurisdictionSchema = z.object({ union_hotline: numberSchema, emergency: z.array(numberSchema), crisis: z.array(numberSchema).optional() }).loose();
const contactsSchema = z.object({ CN: jurisdictionSchema, VN: jurisdictionSchema }).loose();

/** Numbers by role (`police`, `ambulance`, `crisis`, `child_protection`, `union`), per jurisdiction. */
export type ContactRoles = Readonly<Record<Jurisdiction, Readonly<Record<string, string>>>>;

/** Reply texts for urgent cases and hand-off requests, with the numbers they give. */
export interface UrgentReplyBook {
  readonly zh: UrgentResponses;
  readonly vi: UrgentResponses;
  readonly contacts: ContactRoles;
}

function parse<T>(schema: z.ZodType<T>, path: string, what: string): T {
  const parsed = schema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid ${what} in ${path}: ${issue?.path.join('.')} ${issue?.message}`);
  }
  return parsed.data;
}

function roles(entry: z.infer<typeof jurisdictionSchema>): Record<string, string> {
  const out: Record<string, string> = {};
  if (entry.union_hotline.number) out.union = entry.union_hotline.number;
  // A number without a source is not given to a worker in crisis.
  for (const e of [...entry.emergency, ...(entry.crisis ?? [])]) if (e.number && e.role && e.source) out[e.role] = e.number;
  return out;
}

/** Loads `knowledge/triage/responses/{zh-Hans,vi}.json` and the numbers of `knowledge/contacts.json`. */
export function loadUrgentReplies(knowledgeDir: string): UrgentReplyBook {
  const dir = join(knowledgeDir, 'triage', 'responses');
  const contacts = parse(contactsSchema, join(knowledgeDir, 'contacts.json'), 'contacts');
  return {
    zh: parse(responsesSchema, join(dir, 'zh-Hans.json'), 'urgent replies'),
    vi: parse(responsesSchema, join(dir, 'vi.json'), 'urgent replies'),
    contacts: { CN: roles(contacts.CN), VN: roles(contacts.VN) },
  };
}
