import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentMeta, Jurisdiction, KnowledgeBase, Passage } from '../core/types.js';
import { createHash } from 'node:crypto';
import { hashDirectory } from './content-hash.js';
import { loadExtraLaws } from './load-extra-laws.js';
import { KnowledgeError } from '../knowledge/knowledge-error.js';
import { loadServiceManifests, loadStatuteManifests, type Manifests } from '../knowledge/load-statutes.js';
import type { ServiceEntry, StatuteEntry } from '../knowledge/manifest-schema.js';
import { parseViStatute } from './parse-vi-statute.js';
import { parseZhStatute } from './parse-zh-statute.js';
import { splitServicePassages } from './split-service-passages.js';

const FOLDERS: readonly { folder: 'cn' | 'vn'; jurisdiction: Jurisdiction }[] = [
  { folder: 'cn', jurisdiction: 'CN' },
  { folder: 'vn', jurisdiction: 'VN' },
];

/** Thrown for a missing or invalid manifest (a KnowledgeFileError for a broken file); the message names the file. */
export { KnowledgeError };

function readDocument(dir: string, file: string, manifestPath: string): string {
  const path = join(dir, file);
  if (!existsSync(path)) throw new KnowledgeError(`${manifestPath}: lists ${file}, which does not exist`);
  return readFileSync(path, 'utf8');
}

function sourceOf(entry: StatuteEntry): string | undefined {
  return entry.source
    ? `${entry.source.repo}/${entry.source.path}${entry.source.commit ? `@${entry.source.commit.slice(0, 12)}` : ''}`
    : undefined;
}

function statuteDocs(
  dir: string,
  jurisdiction: Jurisdiction,
  entries: readonly StatuteEntry[],
): { meta: DocumentMeta; passages: Passage[] }[] {
  const manifestPath = join(dir, 'MANIFEST.json');
  return entries.map((entry) => {
    const language = jurisdiction === 'CN' ? 'zh' : 'vi';
    const text = readDocument(dir, entry.file, manifestPath);
    const parsed = language === 'zh' ? parseZhStatute(text) : parseViStatute(text);
    const source = sourceOf(entry);
    const meta: DocumentMeta = {
      docId: entry.doc_id,
      jurisdiction,
      language,
      kind: 'statute',
      title: entry.title,
      law: entry.law,
      aliases: entry.aliases,
      inForce: entry.in_force,
      ...(entry.number ? { number: entry.number } : {}),
      ...(entry.issuer ? { issuer: entry.issuer } : {}),
      ...(entry.effective_date ? { effectiveDate: entry.effective_date } : {}),
      ...((entry.status_note ?? entry.notes) ? { statusNote: entry.status_note ?? entry.notes } : {}),
      ...(source ? { source } : {}),
    };
    const common = {
      docId: entry.doc_id,
      jurisdiction,
      language,
      law: entry.law,
      title: entry.title,
      inForce: entry.in_force,
      ...(entry.effective_date ? { effectiveDate: entry.effective_date } : {}),
      ...(source ? { source } : {}),
    } as const;
    const articles: Passage[] = parsed.articles.map((a) => ({
      ...common,
      id: `${entry.doc_id}#${a.article}`,
      kind: 'article',
      article: a.article,
      ...(a.caption ? { caption: a.caption } : {}),
      headings: a.headings,
      text: a.text,
      clauses: a.clauses,
    }));
    // Documents without numbered articles (a ministry notice) are cited by title and section.
    const sections: Passage[] = parsed.sections.map((s, i) => ({
      ...common,
      id: `${entry.doc_id}#s${i + 1}`,
      kind: 'passage',
      caption: s.heading,
      headings: s.headings,
      text: s.text,
      clauses: s.text.split('\n'),
    }));
    return { meta, passages: [...articles, ...sections] };
  });
}

async function serviceDocs(
  dir: string,
  jurisdiction: Jurisdiction,
  entries: readonly ServiceEntry[],
): Promise<{ meta: DocumentMeta; passages: Passage[] }[]> {
  const manifestPath = join(dir, 'MANIFEST.json');
  const out: { meta: DocumentMeta; passages: Passage[] }[] = [];
  for (const entry of entries) {
    const language = entry.language === 'vi' ? 'vi' : 'zh';
    const text = readDocument(dir, entry.file, manifestPath);
    const pieces = await splitServicePassages(text);
    out.push({
      meta: {
        docId: entry.doc_id,
        jurisdiction,
        language,
        kind: 'service',
        title: entry.title,
        law: entry.law,
        aliases: [],
        inForce: true,
        source: entry.source,
      },
      passages: pieces.map((p, i) => ({
        id: `${entry.doc_id}#p${i + 1}`,
        docId: entry.doc_id,
        kind: 'passage',
        jurisdiction,
        language,
        law: entry.law,
        title: entry.title,
        caption: p.heading,
        headings: p.heading ? [p.heading] : [],
        text: p.text,
        clauses: p.text.split('\n'),
        inForce: true,
        source: entry.source,
      })),
    });
  }
  return out;
}

/** Options of {@link loadKnowledge}. */
export interface LoadKnowledgeOptions {
  /** Folder of extra PRC law texts (EXTRA_LAWS_DIR), loaded as `cn-extra/*` statutes. */
  readonly extraLawsDir?: string | undefined;
  /** Called once with the extra documents skipped because a built-in statute has the same title. */
  readonly onSkippedExtras?: (skipped: readonly { law: string; file: string }[]) => void;
  /** The manifests when already loaded (`loadKnowledgeDir`); read from `dir` otherwise. */
  readonly manifests?: { readonly statutes: Manifests<StatuteEntry>; readonly services: Manifests<ServiceEntry> };
}

/**
 * Reads the knowledge base: statutes from `statutes/{cn,vn}` and union-service
 * texts from `services/{cn,vn}`, each folder described by its MANIFEST.json.
 * Statutes are split into articles, service texts into passages. Extra laws,
 * when configured, are appended after the built-in documents.
 */
export async function loadKnowledge(dir: string, options: LoadKnowledgeOptions = {}): Promise<KnowledgeBase> {
  if (!existsSync(dir)) throw new KnowledgeError(`knowledge folder not found: ${dir}`);
  const docs: { meta: DocumentMeta; passages: Passage[] }[] = [];
  const statutes = options.manifests?.statutes ?? loadStatuteManifests(dir);
  const services = options.manifests?.services ?? loadServiceManifests(dir);
  for (const { folder, jurisdiction } of FOLDERS) {
    docs.push(...statuteDocs(join(dir, 'statutes', folder), jurisdiction, statutes[folder]));
    docs.push(...(await serviceDocs(join(dir, 'services', folder), jurisdiction, services[folder])));
  }
  if (docs.length === 0) throw new KnowledgeError(`no documents under ${dir}/statutes or ${dir}/services`);
  let contentHash = hashDirectory(dir);
  if (options.extraLawsDir !== undefined) {
    if (!existsSync(options.extraLawsDir))
      throw new KnowledgeError(`extra laws folder not found: ${options.extraLawsDir}`);
    const builtin = new Set(
      docs.filter((d) => d.meta.kind === 'statute' && d.meta.jurisdiction === 'CN').map((d) => d.meta.law),
    );
    const extra = loadExtraLaws(options.extraLawsDir, builtin);
    if (extra.skipped.length > 0) options.onSkippedExtras?.(extra.skipped);
    docs.push(...extra.docs);
    // The index cache is keyed by this hash: changing the extra folder rebuilds the index.
    contentHash = createHash('sha256')
      .update(`${contentHash}\0extra:${hashDirectory(options.extraLawsDir)}`)
      .digest('hex');
  }
  return {
    documents: docs.map((d) => d.meta),
    passages: docs.flatMap((d) => d.passages),
    contentHash,
  };
}
