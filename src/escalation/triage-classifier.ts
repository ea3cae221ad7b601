import { classifierSchema, type ClassifierModel } from '../knowledge/load-triage.js';
import { readJsonFile } from '../knowledge/read-json-file.js';
import { textFeatures } from './text-features.js';

/** The trained model file, `knowledge/triage/classifier.json`: schema in src/knowledge/load-triage.ts. */
export { classifierSchema, type ClassifierModel };

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
export function classProbabilities(
  model: Pick<ClassifierModel, 'classes' | 'bias' | 'weights'>,
  features: readonly string[],
): number[] {
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
  return readJsonFile(path, classifierSchema);
}
