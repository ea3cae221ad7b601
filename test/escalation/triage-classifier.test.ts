import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textFeatures } from '../../src/escalation/text-features.js';
import { classify, classProbabilities, loadClassifier } from '../../src/escalation/triage-classifier.js';

const model = loadClassifier('knowledge/triage/classifier.json');

describe('triage classifier (layer 2)', () => {
  it('is a trained model of the training split with a recall threshold', () => {
    expect(model.trainedOn.split).toBe('train');
    expect(model.trainedOn.messages).toBeGreaterThanOrEqual(500);
    expect(model.classes).toContain('self_harm');
    expect(model.urgentThreshold).toBeGreaterThan(0);
    expect(model.urgentThreshold).toBeLessThan(1);
  });

  it('gives probabilities that sum to one', () => {
    const p = classProbabilities(model, textFeatures('工资拖了三个月'));
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });

  it('separates a clear emergency from a clear ordinary question', () => {
    const urgent = classify(model, '组长喝了酒拿棍子打我，头上都是血');
    const ordinary = classify(model, '年休假没休完公司要给钱吗');
    expect(urgent.urgentScore).toBeGreaterThan(ordinary.urgentScore);
    expect(ordinary.urgent).toBe(false);
  });

  it('shares features between Vietnamese with and without diacritics, and between scripts', () => {
    expect(textFeatures('Quản đốc tát em')).toEqual(textFeatures('quan doc tat em'));
    expect(textFeatures('組長打我')).toEqual(textFeatures('组长打我'));
  });

  it('rejects a model file whose bias does not match its classes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clf-'));
    const file = join(dir, 'classifier.json');
    writeFileSync(file, JSON.stringify({ ...model, bias: [0] }));
    expect(() => loadClassifier(file)).toThrow(/bias has 1 entries/);
    writeFileSync(file, JSON.stringify({ ...model, urgentThreshold: 2 }));
    expect(() => loadClassifier(file)).toThrow(/urgentThreshold/);
  });
});

describe('triage classifier threshold without a lexicon danger cue', () => {
  it('is at least the general threshold, so an uncued message needs a surer classifier', () => {
    expect(model.urgentThresholdUncued).toBeDefined();
    expect(model.urgentThresholdUncued!).toBeGreaterThanOrEqual(model.urgentThreshold);
  });

  it('applies the uncued threshold only when told there is no cue', () => {
    const strict = { ...model, urgentThreshold: 0, urgentThresholdUncued: 1 };
    expect(classify(strict, '工资条怎么看', true).urgent).toBe(true);
    expect(classify(strict, '工资条怎么看', false).urgent).toBe(false);
    const { urgentThresholdUncued: _unused, ...legacy } = strict;
    expect(classify(legacy, '工资条怎么看', false).urgent).toBe(true);
  });
});
