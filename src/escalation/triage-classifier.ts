import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { textFeatures } from './text-features.js';

/** The trained model file, `knowledge/triage/classifier.json` (written by scripts/triage/train-classifier.ts). */
export const classifierSchema = z.object({
  _note: z.string().optional(),
  kind: z.literal('softmax-regression'),
  classes: z.array(z.string().min(1)).min(2),
  bias: z.array(z.number()),
  /** feature -> sparse weights as [class index, weight] pairs. */
  weights: z.record(z.string(), z.array(z.tuple([z.number().int().nonnegative(), z.number()]))),
  /** Probability mass on urgent classes above which a message is urgent (chosen for recall). */
  urgentThreshold: z.number().min(0).max(1),
  /**
   * Threshold when no danger cue of the concept lexicons occurs in the message (no term of any urgent
   * rule's concept): such a message is most often an ordinary question, so the classifier must be surer.
   */
  urgentThresholdUncued: z.number().min(0).max(1).optional(),
  trainedOn: z.object({ messages: z.number().int(), families: z.number().int(), split: z.string() }),
});
export type ClassifierModel = z.infer<typeof classifierSchema>;

/** What the classifier says about a message. */
export interface ClassifierVerdict {
  /** Probability per class. */
  readonly probabilities: Readonly<Record<string, number>>;
  /** Sum of the probabilities of the urgent categories. */
  readonly urgentScore: number;
  /** The most probable urgent category. */
  readonly topCategory: string;
  readonly urgent: boolean;
}

/** Classes that are not urgent categories. */
const NON_URGENT = new Set(['none', 'asked_for_person']);

/** Softmax over the summed feature weights. */
export function classProbabilities(model: Pick<ClassifierModel, 'classes' | 'bias' | 'weights'>, features: readonly string[]): number[] {
  const z = [...model.bias];
  for (const f of features) for (const [k, w] of model.weights[f] ?? []) z[k] = (z[k] ?? 0) + w;
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/** `cued`: whether a danger cue of the concept lexicons occurs in the text (picks the threshold). */
export function classify(model: ClassifierModel, text: string, cued = true): ClassifierVerdict {
  const p = classProbabilities(model, textFeatures(text));
  const probabilities: Record<string, number> = {};
  let urgentScore = 0;
  let topCategory = '';
  let top = -1;
  model.classes.forEach((c, i) => {
    const v = p[i] ?? 0;
    probabilities[c] = v;
    if (NON_URGENT.has(c)) return;
    urgentScore += v;
    if (v > top) {
      top = v;
      topCategory = c;
    }
  });
  return {
    probabilities,
    urgentScore,
    topCategory,
    urgent: urgentScore >= (cued ? model.urgentThreshold : (model.urgentThresholdUncued ?? model.urgentThreshold)),
  };
}

/** Reads and validates the trained model. */
export function loadClassifier(path: string): ClassifierModel {
  const parsed = classifierSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid triage classifier in ${path}: ${issue?.path.join('.')} ${issue?.message}`);
  }
  if (parsed.data.bias.length !== parsed.data.classes.length) throw new Error(`Invalid triage classifier in ${path}: bias has ${parsed.data.bias.length} entries for ${parsed.data.classes.length} classes`);
  return parsed.data;
}
