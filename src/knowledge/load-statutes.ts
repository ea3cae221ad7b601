import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { serviceEntrySchema, statuteEntrySchema, type ServiceEntry, type StatuteEntry } from './manifest-schema.js';
import { readJsonFile } from './read-json-file.js';

/** Manifests of one kind of document, per jurisdiction folder (`cn`, `vn`); a folder without one lists nothing. */
export interface Manifests<T> {
  readonly cn: readonly T[];
  readonly vn: readonly T[];
}

/** Reads a `MANIFEST.json` (an array of entries); absent = no documents. */
export function readManifest<T extends z.ZodType>(path: string, entrySchema: T): z.output<T>[] {
  return existsSync(path) ? readJsonFile(path, z.array(entrySchema)) : [];
}

/** Loads `<knowledgeDir>/statutes/{cn,vn}/MANIFEST.json` (the statute texts are parsed by src/ingest). */
export function loadStatuteManifests(knowledgeDir: string): Manifests<StatuteEntry> {
  const at = (folder: string) => join(knowledgeDir, 'statutes', folder, 'MANIFEST.json');
  return { cn: readManifest(at('cn'), statuteEntrySchema), vn: readManifest(at('vn'), statuteEntrySchema) };
}

/** Loads `<knowledgeDir>/services/{cn,vn}/MANIFEST.json` (union-service texts, split by src/ingest). */
export function loadServiceManifests(knowledgeDir: string): Manifests<ServiceEntry> {
  const at = (folder: string) => join(knowledgeDir, 'services', folder, 'MANIFEST.json');
  return { cn: readManifest(at('cn'), serviceEntrySchema), vn: readManifest(at('vn'), serviceEntrySchema) };
}
