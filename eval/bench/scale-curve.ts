import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

const pointSchema = z.object({
  mode: z.string(),
  articles: z.number(),
  ms: z.number(),
  baseRssMb: z.number(),
  peakRssMb: z.number(),
  rssMb: z.number(),
  retriever: z.string(),
  p50Ms: z.number().optional(),
  p95Ms: z.number().optional(),
  p99Ms: z.number().optional(),
});
export type ScalePoint = z.infer<typeof pointSchema>;

/** Build then serve, each in a child process (so RSS is that step's own), for every size. */
export function scaleCurve(
  corpusDir: string,
  sizes: readonly number[],
  stardFile: string,
  log: (l: string) => void,
): { articles: number; build: ScalePoint; serve: ScalePoint }[] {
  const run = (args: string[]) =>
    pointSchema.parse(
      JSON.parse(
        execFileSync(process.execPath, ['--import', 'tsx', 'eval/bench/scale-point.ts', ...args], {
          encoding: 'utf8',
          maxBuffer: 1 << 20,
        })
          .trim()
          .split('\n')
          .at(-1)!,
      ),
    );
  return sizes.map((size) => {
    const cache = mkdtempSync(join(tmpdir(), 'scale-'));
    try {
      const build = run(['build', corpusDir, String(size), cache]);
      const serve = run(['serve', corpusDir, String(size), cache, stardFile]);
      log(
        `scale ${build.articles}: build ${build.ms} ms (peak RSS ${build.peakRssMb} MB), load ${serve.ms} ms, ` +
          `p95 ${serve.p95Ms} ms, serving RSS ${serve.rssMb} MB`,
      );
      return { articles: build.articles, build, serve };
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
}

export function scaleTable(points: ReturnType<typeof scaleCurve>): string {
  const header =
    '| articles | build ms | build peak RSS MB | load ms | serving RSS MB (base) | p50 ms | p95 ms | p99 ms | engine |';
  const rows = points.map(
    (p) =>
      `| ${p.articles} | ${p.build.ms} | ${p.build.peakRssMb} | ${p.serve.ms} | ` +
      `${p.serve.rssMb} (${p.serve.baseRssMb}) | ` +
      `${p.serve.p50Ms ?? '-'} | ${p.serve.p95Ms ?? '-'} | ${p.serve.p99Ms ?? '-'} | ${p.serve.retriever} |`,
  );
  return [
    'Scale curve (first N articles of the full PRC corpus; STARD questions, k=10)',
    header,
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
