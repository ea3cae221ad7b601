import { describe, expect, it } from 'vitest';
import type { BotAnswer } from '../../src/core/types.js';
import { summarizeTicket } from '../../src/conversation/ticket-summary.js';

const answer: BotAnswer = {
  language: 'vi',
  jurisdiction: 'VN',
  answer: '...',
  citations: [],
  escalate: 'urgent',
  reasons: ['violence'],
  signals: ['tat em'],
  mode: 'extractive',
};

describe('summarizeTicket', () => {
  it('tells staff the category, language, the worker words and the danger signals', () => {
    const s = summarizeTicket(answer, 'quan doc tat em, sdt 0912345678', []);
    expect(s).toContain('[urgent: violence]');
    expect(s).toContain('(vi)');
    expect(s).toContain('quan doc tat em');
    expect(s.split('\n')).toContain('Signals: tat em');
    expect(s).not.toContain('0912345678');
  });

  it('leaves the signals out when triage found none', () => {
    const { signals: _unused, ...plain } = answer;
    expect(summarizeTicket(plain, 'chuyển người', [])).not.toMatch(/signals/i);
  });
});
