import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFile } from './read-json-file.js';

/** A number, its name, and for urgent replies its `role` and `source` (a number without a source is not given). */
const numberSchema = z
  .object({
    number: z
      .string()
      .regex(/^[0-9 +-]{3,20}$/)
      .nullable(),
    role: z.string().optional(),
    source: z.string().optional(),
  })
  .loose();
const namedNumberSchema = numberSchema.extend({ name: z.string() }).loose();
const jurisdictionSchema = z
  .object({
    union_hotline: namedNumberSchema,
    emergency: z.array(namedNumberSchema),
    crisis: z.array(numberSchema).optional(),
  })
  .loose();

/** `knowledge/contacts.json`: hotline and emergency numbers per jurisdiction (edited by the deploying union). */
export const contactsSchema = z.object({ CN: jurisdictionSchema, VN: jurisdictionSchema }).loose();
export type Contacts = z.infer<typeof contactsSchema>;
export type JurisdictionContacts = z.infer<typeof jurisdictionSchema>;

/** Loads `<knowledgeDir>/contacts.json`. */
export function loadContacts(knowledgeDir: string): Contacts {
  return readJsonFile(join(knowledgeDir, 'contacts.json'), contactsSchema);
}
