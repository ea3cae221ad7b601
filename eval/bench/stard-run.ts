import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { loadKnowledge } from '../../src/ingest/load-knowledge.js';
import { loadZhCorpusDir, unpackTarball } from './big-corpus.js';
import type { MemorySampler } from './memory-sampler.js';
import { scaleCurve, scaleTable } from './scale-curve.js';
import { benchStardCorpus, stardTable, type CorpusResult } from './stard-bench.js';
import { loadStard, resolveStard } from './stard.js';
import { TEST_PERCENT } from './split.js';

export interface StardRunOptions {
  readonly tarball: string;
  readonly stardFile: string;
  /** An already unpacked corpus (skips unpacking; not deleted). */
  readonly corpusDir?: string | undefined;
  readonly knowledgeDir: string;
  readonly memory: MemorySampler;
  readonly miniSearch: boolean;
  /** MiniSearch on the full corpus too (slow: minutes). */
  readonly miniSearchFull: boolean;
  readonly ablations: boolean;
  readonly skipFull: boolean;
  /** Scale curve sizes (articles); empty = no curve. */
  readonly curve: readonly number[];
  readonly log: (line: string) => void;
}

/**
 * `npm run bench -- --stard`: STARD on the full PRC corpus and on the labor
 * corpus (questions whose every gold article is in knowledge/). Returns the
 * printed report, or a skip message when ../shared is not there.
 */
export async function runStard(options: StardRunOptions): Promise<string> {
  const { log } = options;
  if (!existsSync(options.stardFile))
    return (
      `STARD bench skipped: ${options.stardFile} not found ` +
      '(it sits in ../shared beside the checkout; the project works without it).'
    );
  const stard = loadStard(options.stardFile);
  const results: CorpusResult[] = [];
  const kb = await loadKnowledge(options.knowledgeDir);
  const labor = resolveStard(stard, kb, 'all');
  log(`STARD: ${stard.length} questions; labor subset ${labor.length}`);
  results.push(
    await benchStardCorpus({
      corpus: 'labor corpus (knowledge/), STARD labor subset',
      kb,
      knowledgeDir: options.knowledgeDir,
      questions: labor,
      memory: options.memory,
      miniSearch: options.miniSearch,
      ablations: options.ablations,
      log,
    }),
  );

  let fullNote: string;
  let curveText = '';
  if (options.skipFull) fullNote = 'full corpus skipped (--stard-labor-only)';
  else if (!options.corpusDir && !existsSync(options.tarball))
    fullNote = `full corpus skipped: ${options.tarball} not found`;
  else {
    const dir = options.corpusDir ?? unpackTarball(options.tarball);
    try {
      const big = loadZhCorpusDir(dir);
      const full = resolveStard(stard, big, 'any');
      const unresolved = full.filter((q) => q.gold.size === 0).length;
      fullNote =
        `full PRC corpus: ${big.files} files, ${big.documents.length} documents with articles, ` +
        `${big.passages.length} articles; ${unresolved} questions with no gold article found (count as misses)`;
      log(fullNote);
      if (options.curve.length > 0) curveText = scaleTable(scaleCurve(dir, options.curve, options.stardFile, log));
      results.push(
        await benchStardCorpus({
          corpus: 'full PRC corpus, all STARD questions',
          kb: big,
          knowledgeDir: options.knowledgeDir,
          questions: full,
          memory: options.memory,
          miniSearch: options.miniSearch && options.miniSearchFull,
          ablations: options.ablations,
          log,
        }),
      );
    } finally {
      if (!options.corpusDir) rmSync(dir, { recursive: true, force: true });
    }
  }
  const report = {
    curveText,
    createdAt: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    split: `test = sha256(id) first 8 hex % 100 < ${TEST_PERCENT}`,
    fullNote,
    results,
  };
  mkdirSync('eval/reports', { recursive: true });
  writeFileSync('eval/reports/stard-latest.json', JSON.stringify(report, null, 2));
  const lines = [
    `STARD (split rule: test = sha256(id) first 8 hex as int % 100 < ${TEST_PERCENT}; tune on train only). ` +
      'Hit@k = any gold article in the top k.',
    fullNote,
  ];
  for (const r of results) {
    lines.push(
      '',
      `${r.corpus}: ${r.passages} passages, questions test ${r.questions.test} / train ${r.questions.train}; ` +
        `build ${r.buildMs} ms, load ${r.loadMs} ms, peak RSS ${r.peakRssMb} MB`,
    );
    lines.push(
      stardTable(r, 'test'),
      '',
      stardTable(r, 'test-seen'),
      '',
      stardTable(r, 'test-unseen'),
      '',
      stardTable(r, 'train'),
    );
  }
  if (curveText) lines.push('', curveText);
  lines.push('', 'Report: eval/reports/stard-latest.json');
  return lines.join('\n');
}
