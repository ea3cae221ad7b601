import { describe, expect, it } from 'vitest';
import {
  buildDashboard,
  dashboardCsv,
  dayLabel,
  outcomeOf,
  percentile,
  rangeStart,
} from '../../src/console/dashboard-data.js';
import type { AnswerRecord, EventsInRange, TicketEventRecord } from '../../src/stores/console-store.js';

const DAY = 86_400_000;
const MIN = 60_000;
// 2026-11-30 00:00 in UTC+8.
const day0 = Date.UTC(2026, 10, 29, 16, 0);

const answer = (
  at: number,
  over: Partial<AnswerRecord & { feedback: boolean }> = {},
): AnswerRecord & { feedback?: boolean } => ({
  at,
  channel: 'wechat',
  conversationId: 'c',
  lang: 'zh-Hans',
  mode: 'extractive',
  escalate: 'none',
  topic: '劳动合同法',
  citations: [],
  feedbackAsked: false,
  ...over,
});
const ev = (
  at: number,
  ticketId: string,
  action: TicketEventRecord['action'],
  over: Partial<TicketEventRecord> = {},
): TicketEventRecord => ({
  at,
  ticketId,
  action,
  category: 'urgent',
  lang: 'vi',
  channel: 'http',
  ...over,
});

describe('dashboard figures', () => {
  it("labels days in the union's time zone and starts the range at local midnight", () => {
    expect(dayLabel(day0, 480)).toBe('2026-11-30');
    expect(dayLabel(day0 - 1, 480)).toBe('2026-11-29');
    expect(rangeStart(day0 + 5 * 3_600_000, 3, 480)).toBe(day0 - 2 * DAY);
  });

  it('takes nearest-rank percentiles', () => {
    expect(percentile([], 50)).toBeUndefined();
    expect(percentile([4], 90)).toBe(4);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
  });

  it('counts an escalation as handed off, an answer from the law as answered, the rest as refused', () => {
    expect(outcomeOf('no_source', 'person')).toBe('handed_off');
    expect(outcomeOf('extractive', 'urgent')).toBe('handed_off');
    expect(outcomeOf('llm', 'none')).toBe('answered');
    expect(outcomeOf('refusal', 'none')).toBe('refused');
    expect(outcomeOf('invalid_input', 'none')).toBe('refused');
  });

  it('aggregates messages per day, outcomes, tickets, response times, topics, feedback and gaps', () => {
    const events: EventsInRange = {
      answers: [
        answer(day0 - DAY + 1000, {
          lang: 'vi',
          channel: 'http',
          feedbackAsked: true,
          feedback: true,
          citations: [{ passageId: 'p1', label: 'Điều 97' }],
        }),
        answer(day0 + 1000, {
          feedbackAsked: true,
          feedback: false,
          citations: [
            { passageId: 'p1', label: 'Điều 97' },
            { passageId: 'p2', label: '《劳动法》第五十条' },
          ],
        }),
        answer(day0 + 2000, { feedbackAsked: true }),
        answer(day0 + 3000, {
          mode: 'no_source',
          escalate: 'person',
          topic: 'no_source',
          maskedQuestion: '[手机号] 火星',
        }),
        answer(day0 + 4000, { mode: 'refusal', topic: 'out_of_scope' }),
      ],
      ticketEvents: [
        ev(day0 + 3000, 'T1', 'opened', { category: 'person' }),
        ev(day0 + 3000 + 4 * MIN, 'T1', 'claimed'),
        ev(day0 + 3000 + 5 * MIN, 'T1', 'claimed'),
        ev(day0 + 3000 + 30 * MIN, 'T1', 'resolved'),
        ev(day0 + 5000, 'T2', 'opened'),
        ev(day0 + 5000 + 10 * MIN, 'T2', 'claimed'),
        ev(day0 + 6000, 'T2', 'worker_message', { lang: 'vi', channel: 'http' }),
      ],
    };
    const d = buildDashboard(events, day0 - DAY, 2, 480);
    expect(d.days).toEqual(['2026-11-29', '2026-11-30']);
    expect(d.messagesByLang).toEqual({ vi: [1, 1], 'zh-Hans': [0, 4] });
    expect(d.messagesByChannel).toEqual({ http: [1, 1], wechat: [0, 4] });
    expect(d.outcomes).toEqual({ answered: 3, handed_off: 1, refused: 1 });
    expect(d.ticketsByCategory).toEqual({ person: 1, urgent: 1 });
    // The first claim counts, not a later repeat.
    expect(d.timeToClaim).toEqual({ count: 2, p50: 4, p90: 10 });
    expect(d.timeToResolve).toEqual({ count: 1, p50: 30, p90: 30 });
    expect(d.topTopics[0]).toEqual(['劳动合同法', 3]);
    expect(d.feedback).toEqual({ helpful: 1, notHelpful: 1, noReply: 1 });
    expect(d.topCitations).toEqual([
      ['Điều 97', 2],
      ['《劳动法》第五十条', 1],
    ]);
    expect(d.noSourceQuestions).toEqual([{ at: day0 + 3000, lang: 'zh-Hans', question: '[手机号] 火星' }]);
  });

  it('exports long-format CSV with quoting and without spreadsheet formulas', () => {
    const d = buildDashboard(
      { answers: [answer(day0, { topic: '=HYPERLINK("x")' }), answer(day0, { topic: 'a,b' })], ticketEvents: [] },
      day0,
      1,
      480,
    );
    const csv = dashboardCsv(d);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('metric,key,day,value');
    expect(lines).toContain('messages_by_language,zh-Hans,2026-11-30,2');
    expect(lines).toContain('answer_mode,answered,,2');
    expect(lines).toContain(`topic,"'=HYPERLINK(""x"")",,1`);
    expect(lines).toContain('topic,"a,b",,1');
    expect(lines).toContain('time_to_claim_minutes,count,,0');
  });
});
