import { describe, expect, it } from 'vitest';
import { DEFAULT_ANSWER_POLICY } from '../../src/answer/answer-policy.js';
import { ConfigError } from '../../src/config/config-error.js';
import { loadAnswerPolicy } from '../../src/config/load-answer-policy.js';

describe('loadAnswerPolicy', () => {
  it('is the default policy when nothing is set (empty values count as unset)', () => {
    expect(loadAnswerPolicy({})).toEqual(DEFAULT_ANSWER_POLICY);
    expect(loadAnswerPolicy({ ANSWER_POLICY_JSON: '', MIN_ANSWER_CONFIDENCE: '' })).toEqual(DEFAULT_ANSWER_POLICY);
  });

  it('keeps the older variables working', () => {
    const policy = loadAnswerPolicy({ MIN_ANSWER_CONFIDENCE: '0.2', MAX_CITATIONS: '2', MAX_MESSAGE_CHARS: '500' });
    expect(policy).toMatchObject({ minAnswerConfidence: 0.2, maxCitations: 2, maxMessageChars: 500 });
    expect(policy.cardMinConfidence).toBe(DEFAULT_ANSWER_POLICY.cardMinConfidence);
  });

  it('sets any field from ANSWER_POLICY_JSON; a single variable wins over the JSON', () => {
    const policy = loadAnswerPolicy({
      ANSWER_POLICY_JSON: JSON.stringify({ cardMinConfidence: 0.5, coverageCap: 80, minAnswerConfidence: 0.3 }),
      MIN_ANSWER_CONFIDENCE: '0.25',
    });
    expect(policy).toMatchObject({ cardMinConfidence: 0.5, coverageCap: 80, minAnswerConfidence: 0.25 });
    expect(Object.isFrozen(policy)).toBe(true);
  });

  it.each([
    ['{"cardMinConfidnce": 0.5}', /ANSWER_POLICY_JSON: .*cardMinConfidnce/],
    ['{"maxCitations": 0}', /ANSWER_POLICY_JSON: maxCitations: /],
    ['{"coverageCap": "120"}', /ANSWER_POLICY_JSON: coverageCap: /],
    ['[0.1]', /ANSWER_POLICY_JSON: must be a JSON object/],
    ['{cardMinConfidence: 0.5}', /ANSWER_POLICY_JSON: not valid JSON/],
  ])('rejects ANSWER_POLICY_JSON=%s naming the variable and the field', (json, message) => {
    expect(() => loadAnswerPolicy({ ANSWER_POLICY_JSON: json })).toThrow(ConfigError);
    expect(() => loadAnswerPolicy({ ANSWER_POLICY_JSON: json })).toThrow(message);
  });

  it('rejects a single variable out of its range, naming it', () => {
    expect(() => loadAnswerPolicy({ MAX_MESSAGE_CHARS: '10' })).toThrow(/MAX_MESSAGE_CHARS/);
    expect(() => loadAnswerPolicy({ MIN_ANSWER_CONFIDENCE: '1.5' })).toThrow(/MIN_ANSWER_CONFIDENCE/);
  });
});
