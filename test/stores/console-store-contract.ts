/**
 * The behaviour every ConsoleStore must have, run for SQLite and PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import type { AnswerRecord, ConsoleStore } from '../../src/stores/console-store.js';

const answer = (over: Partial<AnswerRecord> = {}): AnswerRecord => ({
  at: 1000,
  channel: 'http',
  conversationId: 'w1',
  lang: 'zh-Hans',
  mode: 'extractive',
  escalate: 'none',
  topic: '劳动合同法',
  citations: [{ passageId: 'cn/labor-contract-law#30', label: '《劳动合同法》第三十条' }],
  feedbackAsked: true,
  ...over,
});

export function describeConsoleStoreContract(name: string, open: () => Promise<ConsoleStore>): void {
  describe(`${name} console store contract`, () => {
    it('keeps accounts with unique names, roles and languages', async () => {
      const s = await open();
      await s.createUser('bob', 'hash1', 'staff', 'vi', 5);
      await expect(s.createUser('bob', 'hash2', 'lead', 'en', 6)).rejects.toThrow(/unique/i);
      await s.setUserLang('bob', 'zh-Hant');
      expect(await s.getUser('bob')).toMatchObject({
        name: 'bob',
        role: 'staff',
        lang: 'zh-Hant',
        disabled: false,
        passwordHash: 'hash1',
      });
      expect(await s.getUser('nobody')).toBeUndefined();
    });

    it('finds a session only before it expires and only for an enabled account', async () => {
      const s = await open();
      const bob = await s.createUser('bob', 'h', 'staff', 'en', 0);
      await s.createSession('tokenhash', bob.id, 'csrf', 100, 200);
      expect((await s.getSession('tokenhash', 150))?.csrfToken).toBe('csrf');
      expect(await s.getSession('tokenhash', 200)).toBeUndefined();
      await s.createSession('t2', bob.id, 'csrf2', 100, 1000);
      await s.setDisabled('bob', true);
      expect(await s.getSession('t2', 150)).toBeUndefined();
    });

    it('signs an account out everywhere when its password changes', async () => {
      const s = await open();
      const bob = await s.createUser('bob', 'h', 'staff', 'en', 0);
      await s.createSession('a', bob.id, 'c', 0, 1000);
      expect(await s.setPassword('bob', 'new')).toBe(true);
      expect(await s.getSession('a', 10)).toBeUndefined();
      expect(await s.setPassword('nobody', 'x')).toBe(false);
    });

    it('keeps the audit log newest first, per ticket, and notes in order', async () => {
      const s = await open();
      await s.audit({ at: 1, user: 'bob', action: 'login' });
      await s.audit({ at: 2, user: 'bob', action: 'transcript.view', ticketId: 'T1' });
      await s.audit({ at: 3, user: 'alice', action: 'claim', ticketId: 'T2' });
      expect((await s.listAudit(10)).map((a) => a.action)).toEqual(['claim', 'transcript.view', 'login']);
      expect(await s.listAudit(10, 'T1')).toEqual([
        { id: 2, at: 2, user: 'bob', action: 'transcript.view', ticketId: 'T1' },
      ]);
      await s.addNote('T1', 'bob', 'first', 1);
      await s.addNote('T1', 'alice', 'second', 2);
      expect((await s.listNotes('T1')).map((n) => `${n.author}:${n.text}`)).toEqual(['bob:first', 'alice:second']);
      expect(await s.listNotes('T2')).toEqual([]);
    });

    it('records feedback only on the last answer of the conversation, once, and only when it was asked', async () => {
      const s = await open();
      expect(await s.recordFeedback('http', 'w1', true, 5)).toBe(false);
      await s.recordAnswer(answer({ at: 1 }));
      await s.recordAnswer(answer({ at: 2, feedbackAsked: false, mode: 'refusal' }));
      // The latest answer did not ask: a bare "1" is not feedback.
      expect(await s.recordFeedback('http', 'w1', true, 3)).toBe(false);
      await s.recordAnswer(answer({ at: 4 }));
      expect(await s.recordFeedback('http', 'w1', false, 5)).toBe(true);
      expect(await s.recordFeedback('http', 'w1', true, 6)).toBe(false);
      expect(await s.recordFeedback('http', 'other', true, 6)).toBe(false);
      const { answers } = await s.eventsInRange(0, 10);
      expect(answers.map((a) => a.feedback)).toEqual([undefined, undefined, false]);
    });

    it('returns events in range, plus later events of tickets opened in range', async () => {
      const s = await open();
      const base = { category: 'urgent', lang: 'vi', channel: 'wechat' } as const;
      await s.recordTicketEvent({ ...base, at: 5, ticketId: 'T0', action: 'opened' });
      await s.recordTicketEvent({ ...base, at: 10, ticketId: 'T1', action: 'opened' });
      await s.recordTicketEvent({ ...base, at: 30, ticketId: 'T1', action: 'claimed', staff: 'console:bob' });
      await s.recordTicketEvent({ ...base, at: 31, ticketId: 'T0', action: 'resolved' });
      await s.recordAnswer(answer({ at: 12, maskedQuestion: '火星 [手机号]' }));
      await s.recordAnswer(answer({ at: 25 }));
      const events = await s.eventsInRange(10, 20);
      expect(events.ticketEvents.map((e) => `${e.ticketId}:${e.action}`)).toEqual(['T1:opened', 'T1:claimed']);
      expect(events.ticketEvents[1]?.staff).toBe('console:bob');
      expect(events.answers).toHaveLength(1);
      expect(events.answers[0]).toMatchObject({
        maskedQuestion: '火星 [手机号]',
        citations: [{ label: '《劳动合同法》第三十条' }],
      });
    });
  });
}
