/**
 * Checks the eval datasets against the statute texts, reading the articles
 * itself (see statute-articles.ts) rather than through the project's loader.
 *
 * worker-questions.jsonl: every line passes the zod schema; every gold ref
 * names a document by its short citation title, in force, and an article
 * that exists; every must_contain fact occurs literally in a gold article
 * (Traditional facts are folded to Simplified first, and must be what OpenCC
 * makes of the Simplified text), or, for union-service, person and urgent
 * cases, in knowledge/services or knowledge/contacts.json; no
 * must_not_contain string occurs in a gold article; ids, scripts, escalation
 * categories and refusals are consistent.
 * real-dev.jsonl: every line passes its schema, and every reference marked
 * in-corpus and current resolves to an existing article.
 *
 * Run: npx tsx eval/datasets/check-datasets.ts [datasets-dir]  (exit code 1 on any problem)
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toSimplified, toTraditional } from '../../src/language/script.js';
import { hasVietnameseLetters } from '../../src/language/vietnamese.js';
import { realDevSchema, workerQuestionSchema, type RealDevCase, type WorkerQuestion } from './dataset-schemas.js';
import { loadStatutes, type StatuteDoc } from './statute-articles.js';
import { everydayQuestionSchema } from './everyday-schema.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DATASETS = process.argv[2] ?? join(ROOT, 'eval/datasets');
const statutes = loadStatutes(join(ROOT, 'knowledge/statutes'), join(ROOT, '../shared/corpus'));
const problems: string[] = [];

function readTree(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return readTree(path);
    return name.endsWith('.md') ? [readFileSync(path, 'utf8')] : [];
  });
}

/** Union-service texts and hotline numbers: where service facts must come from. */
const contactsPath = join(ROOT, 'knowledge/contacts.json');
const serviceText = toSimplified(
  [
    ...readTree(join(ROOT, 'knowledge/services')),
    existsSync(contactsPath) ? readFileSync(contactsPath, 'utf8') : '',
  ].join('\n'),
).normalize('NFC');

function readLines(file: string, label: string): { no: number; value: unknown }[] {
  const out: { no: number; value: unknown }[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        out.push({ no: i + 1, value: JSON.parse(line) });
      } catch {
        problems.push(`${label}:${i + 1}: not valid JSON`);
      }
    });
  return out;
}

const byLaw = new Map(statutes.docs.map((d) => [d.law, d]));
const stripTitle = (s: string): string =>
  s
    .replace(/^中华人民共和国/, '')
    .replace(/[《》]/g, '')
    .trim();

/** The document a short title names, or a hint when a longer name was used. */
function findByShortTitle(law: string): { doc?: StatuteDoc; hint?: string } {
  const doc = byLaw.get(law);
  if (doc) return { doc };
  const other = statutes.docs.find((d) => d.names.some((n) => stripTitle(n) === stripTitle(law)));
  return { hint: other ? `use the short title "${other.law}"` : 'no such document' };
}

const ID_LANG: Record<string, WorkerQuestion['lang']> = { zh: 'zh-Hans', zht: 'zh-Hant', vi: 'vi' };
const SERVICE_OK = (c: WorkerQuestion): boolean =>
  c.gold_refs.length === 0 || c.topic === 'union' || c.expect_escalate !== 'none';

function checkWorkerQuestion(c: WorkerQuestion, where: string): number {
  let refs = 0;
  if (ID_LANG[c.id.split('-')[1] ?? ''] !== c.lang) problems.push(`${where}: id ${c.id} does not match lang ${c.lang}`);
  if (c.lang === 'zh-Hant' && toSimplified(c.question) === c.question)
    problems.push(`${where}: zh-Hant question has no Traditional characters`);
  if (c.lang === 'zh-Hans' && /[\u4e00-\u9fff]/.test(c.question) && toSimplified(c.question) !== c.question) {
    problems.push(`${where}: zh-Hans question contains Traditional characters`);
  }
  if (c.lang === 'vi' && (c.no_diacritics === true) === hasVietnameseLetters(c.question)) {
    problems.push(`${where}: no_diacritics=${String(c.no_diacritics ?? false)} does not match the question`);
  }
  if ((c.expect_escalate === 'none') !== (c.category === undefined))
    problems.push(`${where}: category must be set exactly for escalations`);
  if ((c.expect_escalate === 'person') !== (c.category === 'asked_for_person'))
    problems.push(`${where}: person escalations use category asked_for_person`);
  const refusalTopic = c.topic === 'out_of_scope' || c.topic === 'manipulation';
  if (c.expect_refusal !== refusalTopic)
    problems.push(`${where}: expect_refusal must be true exactly for out_of_scope/manipulation`);
  if (c.expect_refusal && (c.gold_refs.length > 0 || c.expect_escalate !== 'none'))
    problems.push(`${where}: a refusal has no gold refs and no escalation`);

  const texts: string[] = [];
  for (const ref of c.gold_refs) {
    refs += 1;
    const { doc, hint } = findByShortTitle(ref.law);
    if (!doc) {
      problems.push(`${where}: gold law "${ref.law}": ${hint ?? ''}`);
      continue;
    }
    if (!doc.inForce) problems.push(`${where}: gold ${ref.law} is marked as not in force`);
    const text = doc.articles.get(ref.article);
    if (text === undefined) problems.push(`${where}: ${ref.law} has no article ${ref.article}`);
    else texts.push(text);
  }
  const gold = texts.join('\n');
  for (const fact of c.must_contain) {
    const folded = (c.lang === 'vi' ? fact : toSimplified(fact)).normalize('NFC');
    if (c.lang === 'zh-Hant' && toTraditional(folded) !== fact) {
      problems.push(
        `${where}: Traditional fact "${fact}" is not how OpenCC writes "${folded}" (${toTraditional(folded)})`,
      );
    }
    if (c.lang === 'zh-Hans' && folded !== fact) problems.push(`${where}: zh-Hans fact "${fact}" is not Simplified`);
    if (gold.includes(folded)) continue;
    if (SERVICE_OK(c) && serviceText.includes(folded)) continue;
    problems.push(
      `${where}: must_contain "${fact}" is not in its gold article text` +
        (SERVICE_OK(c) ? ' nor in the service texts' : ''),
    );
  }
  for (const bad of c.must_not_contain) {
    const folded = c.lang === 'vi' ? bad : toSimplified(bad);
    if (gold.includes(folded)) problems.push(`${where}: must_not_contain "${bad}" occurs in the gold text itself`);
  }
  return refs;
}

/** Resolves a real-dev reference by title (any name) and, when given, official number. */
function resolveRealRef(ref: RealDevCase['gold_refs'][number]): StatuteDoc | undefined {
  const wanted = stripTitle(ref.law);
  return statutes.docs.find(
    (d) =>
      (ref.law_number ? d.number === ref.law_number : true) &&
      [d.law, ...d.names].some((n) => stripTitle(n) === wanted || stripTitle(n).replace(/ \d{4}$/, '') === wanted),
  );
}

function checkRealDev(c: RealDevCase, where: string): number {
  let refs = 0;
  for (const ref of c.gold_refs) {
    if (!ref.in_corpus || ref.stale !== false) continue;
    refs += 1;
    const doc = resolveRealRef(ref);
    if (!doc) problems.push(`${where}: in-corpus ref ${ref.law} ${ref.law_number ?? ''} matches no document`);
    else if (!doc.articles.has(ref.article)) problems.push(`${where}: ${doc.law} has no article ${ref.article}`);
  }
  return refs;
}

function tally(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}
const show = (counts: Map<string, number>): string => [...counts].map(([k, n]) => `${k} ${n}`).join(', ');

const summary: string[] = [`statutes read from ${statutes.source} (${statutes.docs.length} documents)`];
for (const file of readdirSync(DATASETS)
  .filter((f) => f.endsWith('.jsonl'))
  .sort()) {
  const path = join(DATASETS, file);
  // Calculator sets have their own schema, checked in test/calculators/calc-datasets.test.ts.
  if (file.startsWith('calc-')) continue;
  const real = file.startsWith('real-');
  const ids = new Set<string>();
  const questions = new Set<string>();
  const byLang = new Map<string, number>();
  const byTopic = new Map<string, number>();
  const byEscalation = new Map<string, number>();
  const byCategory = new Map<string, number>();
  let refs = 0;
  let refusals = 0;
  let facts = 0;
  const rows = readLines(path, file);
  for (const { no, value } of rows) {
    const where = `${file}:${no}`;
    const parsed = real
      ? realDevSchema.safeParse(value)
      : file.startsWith('everyday-')
        ? everydayQuestionSchema.safeParse(value)
        : workerQuestionSchema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${where}: ${issue.path.join('.')}: ${issue.message}`);
      continue;
    }
    const c = parsed.data;
    if (ids.has(c.id)) problems.push(`${where}: duplicate id ${c.id}`);
    ids.add(c.id);
    if (questions.has(c.question)) problems.push(`${where}: duplicate question`);
    questions.add(c.question);
    tally(byTopic, c.topic);
    if ('expect_escalate' in c) {
      const w = c as WorkerQuestion;
      tally(byLang, w.lang === 'vi' && w.no_diacritics ? 'vi (no diacritics)' : w.lang);
      tally(byEscalation, w.expect_escalate);
      if (w.category) tally(byCategory, w.category);
      if (w.expect_refusal) refusals += 1;
      facts += w.must_contain.length;
      refs += checkWorkerQuestion(w, where);
    } else {
      tally(byLang, c.lang);
      refs += checkRealDev(c as RealDevCase, where);
    }
  }
  summary.push(
    `${file}: ${rows.length} cases, ${refs} gold refs checked` +
      (real ? ' (in-corpus, current)' : `, ${facts} facts checked`),
  );
  summary.push(`  lang: ${show(byLang)}`);
  summary.push(`  topic: ${show(byTopic)}`);
  if (!real) {
    summary.push(`  escalate: ${show(byEscalation)}; refusals ${refusals}`);
    summary.push(`  escalation categories: ${show(byCategory)}`);
  }
}

console.log(summary.join('\n'));
console.log(`${problems.length} problems`);
for (const p of problems) console.log(`- ${p}`);
process.exitCode = problems.length > 0 ? 1 : 0;
