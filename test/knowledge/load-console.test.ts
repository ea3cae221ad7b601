import { describe, expect, it } from 'vitest';
import { loadConsoleTexts } from '../../src/knowledge/load-console.js';
import { tempKnowledge } from './helpers.js';

describe('loadConsoleTexts', () => {
  it('names the language that lacks a key, and one with a key en does not have', () => {
    const { dir, write } = tempKnowledge('console');
    const en = { claim: 'Claim', resolve: 'Resolve' };
    write('console/ui.json', { en, 'zh-Hans': en, 'zh-Hant': en, vi: { claim: 'Nhận' } });
    expect(() => loadConsoleTexts(dir)).toThrow(/console\/ui\.json: vi: vi lacks resolve/);
    write('console/ui.json', { en, 'zh-Hans': en, 'zh-Hant': { ...en, extra: 'x' }, vi: en });
    expect(() => loadConsoleTexts(dir)).toThrow(/zh-Hant has unknown extra/);
    write('console/ui.json', { en, 'zh-Hans': en, 'zh-Hant': en, vi: en });
    expect(loadConsoleTexts(dir).vi.claim).toBe('Claim');
  });
});
