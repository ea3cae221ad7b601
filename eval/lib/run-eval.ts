import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { KnowledgeBase } from '../../src/core/types.js';
import type { FaithfulnessVerdict } from '../judge/faithfulness.js';
import { scoreCase } from '../metrics/score-case.js';
import type { ScoredCase } from '../metrics/types.js';
import type { CaseRecord, EvalReport, JudgeSummary } from '../report/report-types.js';
import { createLawResolver } from './gold-matcher.js';
import { groupCases } from './group-cases.js';
import { loadCases } from './load-cases.js';
import { runBatch, type BatchOptions } from './run-batch.js';

/** Judges one answer against its cited excerpts; undefined when the judge could not answer. */
export type Judge = (answer: string, excerpts: readonly string[]) => Promise<FaithfulnessVerdict | undefined>;

export interface EvalOptions {
  /** Folder of `*.jsonl` datasets. */
  readonly datasetsDir: string;
  /** Run only the dataset with this file name (without `.jsonl`). */
  readonly dataset?: string | undefined;
  /** At most this many cases per dataset. */
  readonly limit?: number | undefined;
  /** The knowledge base the bot answers from (gold refs and citations are resolved against it). */
  readonly kb: KnowledgeBase;
  readonly batch?: BatchOptions;
  /** An LLM endpoint is configured: measure the fallback rate. */
  readonly llmExpected?: boolean;
  readonly judge?: Judge | undefined;
  readonly now?: () => Date;
}

/** Datasets found in a folder: name = file name without `.jsonl`. */
export function listDatasets(dir: string, only?: string): { name: string; file: string }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => ({ name: basename(f, '.jsonl'), file: join(dir, f) }))
    .filter((d) => !only || d.name === only);
}

function toRecord(c: ScoredCase): CaseRecord {
  return {
    id: c.case.id,
    dataset: c.dataset,
    lang: c.case.lang,
    topic: c.case.topic,
    category: c.case.category,
    question: c.case.question,
    answer: c.result.answer,
    citations: (c.result.citations ?? []).map((x) => ({ law: x.law, article: x.article, label: x.label })),
    retrievedTop5: (c.result.retrieved ?? []).slice(0, 5).map((r) => r.passageId),
    goldIds: c.goldIds,
    goldRank: c.goldRank,
    expectEscalate: c.case.expect_escalate,
    escalate: c.result.escalate,
    reasons: c.result.reasons ?? [],
    mode: c.result.mode,
    latencyMs: c.result.latency_ms,
    failedChecks: c.failedChecks,
  };
}

async function judgeAnswers(judge: Judge, cases: readonly ScoredCase[]): Promise<JudgeSummary> {
  let judged = 0;
  let claims = 0;
  let unsupported = 0;
  // Only LLM-drafted answers: extractive answers quote the statute verbatim.
  for (const c of cases.filter((x) => x.result.mode === 'llm')) {
    const verdict = await judge(
      c.result.answer ?? '',
      (c.result.citations ?? []).map((x) => x.excerpt ?? ''),
    );
    if (!verdict) continue;
    judged += 1;
    claims += verdict.claims;
    unsupported += verdict.unsupported;
  }
  return { judged, claims, unsupported, unsupportedClaimRate: claims === 0 ? null : unsupported / claims };
}

/**
 * Runs the datasets through the batch CLI (one process for all questions),
 * scores every case and groups the metrics. Question ids sent to the CLI
 * are `<dataset>::<id>` so two datasets may reuse an id.
 */
export async function runEval(options: EvalOptions): Promise<{ report: EvalReport; scored: ScoredCase[] }> {
  const now = options.now ?? (() => new Date());
  const started = now().getTime();
  const limit = options.limit ?? Infinity;
  const datasets = listDatasets(options.datasetsDir, options.dataset).map((d) => ({
    name: d.name,
    cases: loadCases(d.file).slice(0, limit),
  }));
  if (datasets.length === 0)
    throw new Error(`no dataset${options.dataset ? ` named ${options.dataset}` : ''} in ${options.datasetsDir}`);
  const results = await runBatch(
    datasets.flatMap((d) => d.cases.map((c) => ({ id: `${d.name}::${c.id}`, question: c.question }))),
    options.batch,
  );

  const resolve = createLawResolver(options.kb.documents);
  const ctx = {
    resolveGold: resolve,
    resolveLaw: (law: string) => resolve({ law }),
    passages: new Map(options.kb.passages.map((p) => [p.id, p])),
  };
  const scored = datasets.flatMap((d) =>
    d.cases.map((c) =>
      scoreCase(
        d.name,
        c,
        results.get(`${d.name}::${c.id}`) ?? { id: c.id, error: 'no result from the batch CLI' },
        ctx,
      ),
    ),
  );
  const llmExpected = options.llmExpected ?? false;
  const groups = groupCases(scored, { llmExpected });
  const judge = options.judge ? await judgeAnswers(options.judge, scored) : undefined;
  const report: EvalReport = {
    createdAt: now().toISOString(),
    durationMs: now().getTime() - started,
    llmExpected,
    ...groups,
    ...(judge ? { judge } : {}),
    cases: scored.map(toRecord),
  };
  return { report, scored };
}
