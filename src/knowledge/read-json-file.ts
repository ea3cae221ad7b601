import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { KnowledgeError } from './knowledge-error.js';

/** The repository root, so errors name `knowledge/triage/zh.json` rather than an absolute path. */
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Where a knowledge file is broken: the file (relative to the repository), and the line/column or field. */
export class KnowledgeFileError extends KnowledgeError {
  readonly file: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly field: string | undefined;

  constructor(file: string, detail: string, at: { line?: number; column?: number; field?: string } = {}) {
    const position = at.line !== undefined ? `line ${at.line}, column ${at.column ?? 1}: ` : undefined;
    const where = position ?? (at.field ? `${at.field}: ` : '');
    super(`${file}: ${where}${detail}`);
    this.name = 'KnowledgeFileError';
    this.file = file;
    this.line = at.line;
    this.column = at.column;
    this.field = at.field;
  }
}

/** The path as shown in errors: relative to the repository when inside it, absolute otherwise. */
export function displayPath(path: string): string {
  const rel = relative(REPO_ROOT, resolve(path));
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? resolve(path) : rel.split('\\').join('/');
}

/** `concepts[3].phrases[0]`, `worker["zh-Hans"].welcome`. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** Whether a prefix is valid JSON so far: it parses, or the parser only ran out of text. */
function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    const m = /at position (\d+)/.exec(message);
    return /end of JSON input/.test(message) || (m !== null && Number(m[1]) >= text.length);
  }
}

/**
 * Offset of a JSON syntax error. V8 gives "at position N" for some errors only
 * ("Unexpected token" has none), so otherwise the longest prefix that is still
 * valid-but-incomplete is searched for: the error is at the next character.
 */
function errorOffset(text: string, message: string): number {
  const m = /at position (\d+)/.exec(message);
  if (m) return Number(m[1]);
  if (/end of JSON input/.test(message)) return text.length;
  let ok = 0;
  let bad = text.length;
  while (bad - ok > 1) {
    const mid = (ok + bad) >> 1;
    if (parses(text.slice(0, mid))) ok = mid;
    else bad = mid;
  }
  return bad - 1;
}

/** 1-based line and column of an offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: offset - lastBreak };
}

/** The parser's reason without the echoed text and position ("Unexpected token ']'"). */
function reasonOf(message: string): string {
  return message
    .replace(/, .*is not valid JSON$/s, '')
    .replace(/ in JSON at position \d+( \(line \d+ column \d+\))?$/, '')
    .trim();
}

/** Parses and validates the text of a knowledge file; errors name `path` and the line, column or field. */
export function parseJsonText<S extends z.ZodType>(text: string, path: string, schema: S): z.output<S> {
  const file = displayPath(path);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = lineAndColumn(text, errorOffset(text, message));
    throw new KnowledgeFileError(file, `not valid JSON (${reasonOf(message)})`, at);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more problems)` : '';
    const field = issue ? formatFieldPath(issue.path) : '';
    throw new KnowledgeFileError(file, `${issue?.message ?? 'invalid'}${more}`, field ? { field } : {});
  }
  return parsed.data;
}

/** Reads the text of a knowledge file; a missing or unreadable file is a {@link KnowledgeFileError}. */
export function readKnowledgeText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const detail = code === 'ENOENT' ? 'file not found' : `cannot read (${code ?? String(error)})`;
    throw new KnowledgeFileError(displayPath(path), detail);
  }
}

/**
 * Reads a JSON knowledge file and validates it with `schema`. Every error is a
 * {@link KnowledgeFileError} naming the file and, for a syntax error, the line
 * and column, for a schema failure the field (`concepts[3].phrases[0]: ...`).
 */
export function readJsonFile<S extends z.ZodType>(path: string, schema: S): z.output<S> {
  return parseJsonText(readKnowledgeText(path), path, schema);
}
