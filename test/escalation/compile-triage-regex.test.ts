import { describe, expect, it } from 'vitest';
import { compileTriageRegex } from '../../src/escalation/compile-triage-regex.js';

describe('compileTriageRegex', () => {
  it('compiles a pattern with the flags asked for', () => {
    const re = compileTriageRegex('打.{0,3}我', 'gu', 'knowledge/triage/concepts/zh.json');
    expect(re.flags).toBe('gu');
    expect([...'老板打了我'.matchAll(re)].map((m) => m[0])).toEqual(['打了我']);
  });

  it('names the file and the pattern when a pattern does not compile', () => {
    expect(() => compileTriageRegex('(unclosed', 'u', 'knowledge/triage/zh.json')).toThrow(
      /^knowledge\/triage\/zh\.json: bad regular expression \(unclosed: /,
    );
  });
});
