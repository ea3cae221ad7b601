import { loadContacts, type Contacts, type JurisdictionContacts } from '../knowledge/load-contacts.js';
import type { HotlineBook, Hotlines } from './hotlines.js';

function toHotlines(entry: JurisdictionContacts): Hotlines {
  return {
    union: entry.union_hotline.number,
    emergency: entry.emergency.flatMap((e) => (e.number ? [e.number] : [])).join(' / '),
  };
}

/** Reads hotline numbers from `knowledge/contacts.json` (editable by the deploying union). */
export function loadHotlines(knowledgeDir: string): HotlineBook {
  return hotlinesFrom(loadContacts(knowledgeDir));
}

/** Hotline numbers from loaded contacts. */
export function hotlinesFrom(contacts: Contacts): HotlineBook {
  return { CN: toHotlines(contacts.CN), VN: toHotlines(contacts.VN) };
}
