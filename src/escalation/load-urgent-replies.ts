import { join } from 'node:path';
import type { Jurisdiction } from '../core/types.js';
import { loadContacts, type Contacts, type JurisdictionContacts } from '../knowledge/load-contacts.js';
import { loadUrgentResponses, type TriageKnowledge, type UrgentResponses } from '../knowledge/load-triage.js';

/** Numbers by role (`police`, `ambulance`, `crisis`, `child_protection`, `union`), per jurisdiction. */
export type ContactRoles = Readonly<Record<Jurisdiction, Readonly<Record<string, string>>>>;

/** Reply texts for urgent cases and hand-off requests, with the numbers they give. */
export interface UrgentReplyBook {
  readonly zh: UrgentResponses;
  readonly vi: UrgentResponses;
  readonly contacts: ContactRoles;
}

function roles(entry: JurisdictionContacts): Record<string, string> {
  const out: Record<string, string> = {};
  if (entry.union_hotline.number) out.union = entry.union_hotline.number;
  // A number without a source is not given to a worker in crisis.
  for (const e of [...entry.emergency, ...(entry.crisis ?? [])])
    if (e.number && e.role && e.source) out[e.role] = e.number;
  return out;
}

/** The urgent reply book from loaded knowledge (triage responses and contacts). */
export function createUrgentReplyBook(responses: TriageKnowledge['responses'], contacts: Contacts): UrgentReplyBook {
  return { zh: responses.zh, vi: responses.vi, contacts: { CN: roles(contacts.CN), VN: roles(contacts.VN) } };
}

/** Loads `knowledge/triage/responses/{zh-Hans,vi}.json` and the numbers of `knowledge/contacts.json`. */
export function loadUrgentReplies(knowledgeDir: string): UrgentReplyBook {
  const contacts = loadContacts(knowledgeDir);
  return createUrgentReplyBook(loadUrgentResponses(join(knowledgeDir, 'triage')), contacts);
}
