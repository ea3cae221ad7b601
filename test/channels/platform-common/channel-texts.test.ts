import { describe, expect, it } from 'vitest';
import { loadChannelTexts } from '../../../src/channels/platform-common/channel-texts.js';
import { loadTriageRules } from '../../../src/escalation/load-triage-rules.js';
import { triageMessage } from '../../../src/escalation/triage-message.js';

describe('channel texts (knowledge/channels/texts.json)', () => {
  const texts = loadChannelTexts('knowledge');
  const rules = loadTriageRules('knowledge/triage');

  it('words the "talk to a person" menu request so the real hand-off rules fire in every language', () => {
    for (const lang of ['zh-Hans', 'zh-Hant', 'vi'] as const) {
      expect(triageMessage(rules, texts.worker('handoff_request', lang), lang).level).toBe('person');
    }
  });

  it('has a welcome per language and fills staff-note placeholders', () => {
    expect(texts.worker('welcome', 'vi')).toMatch(/công đoàn/);
    expect(texts.worker('welcome', 'zh-Hant')).toMatch(/工會/);
    const note = texts.staff('window_closed', { channel: 'zalo', until: '2026-12-02T03:00:00.000Z' });
    expect(note).toContain('zalo');
    expect(note).toContain('2026-12-02T03:00:00.000Z');
    expect(note).not.toMatch(/\{\w+\}/);
  });
});
