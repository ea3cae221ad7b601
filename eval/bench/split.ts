import { createHash } from 'node:crypto';

/**
 * The frozen train/test split for every question-to-article set the
 * retrieval work learns from or reports on (STARD, real-dev, worker
 * questions). Fixed on 2026-11-30 before the first benchmark run:
 *
 *   test  <=> parseInt(sha256(id).hex.slice(0, 8), 16) % 100 < 30
 *
 * about 30% test. The learner (eval/train/) reads only `train` items; the
 * bench reports `test` (and `train` for reference, labelled as such).
 */
export type Split = 'train' | 'test';

export const TEST_PERCENT = 30;

/** The id's bucket, 0..99. */
export function bucketOf(id: string): number {
  return Number.parseInt(createHash('sha256').update(id, 'utf8').digest('hex').slice(0, 8), 16) % 100;
}

export function splitOf(id: string): Split {
  return bucketOf(id) < TEST_PERCENT ? 'test' : 'train';
}

/** Tuning slice inside train (buckets 30..44): tuning scripts hold it out of training and score on it. */
export function isTuningDev(id: string): boolean {
  const b = bucketOf(id);
  return b >= TEST_PERCENT && b < TEST_PERCENT + 15;
}
