import { z } from 'zod';
import type { GroupSummary } from './lib/group-cases.js';
import type { Summary } from './metrics/summarize.js';
import type { EvalReport } from './report/report-types.js';

const thresholdsSchema = z.object({
  floors: z.record(z.string(), z.record(z.string(), z.number().min(0).max(1))),
});

/**
 * Compares measured metrics with the committed floors. Keys are group names
 * (e.g. `worker-questions/vi`) mapping metric names to minimum values.
 * Returns one line per floor not met; a floor whose group or metric is
 * missing counts as failed, so a renamed group cannot silently pass.
 */
export function checkThresholds(raw: unknown, groups: readonly { name: string; summary: Summary }[]): string[] {
  const { floors } = thresholdsSchema.parse(raw);
  const failures: string[] = [];
  for (const [group, metrics] of Object.entries(floors)) {
    const summary = groups.find((g) => g.name === group)?.summary;
    for (const [metric, floor] of Object.entries(metrics)) {
      const value = summary ? (summary[metric as keyof Summary] as number | null | undefined) : undefined;
      if (value === undefined || value === null) failures.push(`${group} ${metric}: not measured (floor ${floor})`);
      else if (value + 1e-9 < floor) failures.push(`${group} ${metric}: ${value.toFixed(3)} < floor ${floor}`);
    }
  }
  return failures;
}

/**
 * The groups floors may name: `<dataset>/<lang>`, `<dataset>/all`, `all`,
 * `<dataset>/no-gold`, `topic:<topic>` and `category:<category>`.
 */
export function gateGroups(
  report: Pick<EvalReport, 'byLanguage' | 'noGold' | 'byTopic' | 'byCategory'>,
): GroupSummary[] {
  return [
    ...report.byLanguage,
    ...report.noGold,
    ...report.byTopic.map((g) => ({ name: `topic:${g.name}`, summary: g.summary })),
    ...report.byCategory.map((g) => ({ name: `category:${g.name}`, summary: g.summary })),
  ];
}
