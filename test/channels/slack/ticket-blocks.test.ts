import { describe, expect, it } from 'vitest';
import {
  replyModal,
  ticketActionId,
  ticketBlocks,
  ticketIdOfAction,
  ticketText,
} from '../../../src/channels/slack/ticket-blocks.js';
import type { Ticket } from '../../../src/conversation/types.js';

const base: Ticket = {
  id: 'T20250106-ABC123',
  channel: 'wechat',
  conversationId: 'contact:w1',
  language: 'zh-Hant',
  category: 'urgent',
  reasons: ['injury', 'wage_arrears'],
  summary: '[urgent] injury · 我受傷了，身份證110101199003078515，電話13812345678',
  transcript: [{ role: 'worker', text: '身份證110101199003078515', at: Date.UTC(2025, 0, 6) }],
  citations: [
    {
      law: '工伤保险条例',
      article: 17,
      title: '工伤保险条例',
      excerpt: '…',
      score: 1,
      passageId: 'cn/work-injury#17',
      label: '《工伤保险条例》第十七条',
    },
    {
      law: '劳动合同法',
      article: 30,
      title: '中华人民共和国劳动合同法',
      excerpt: '…',
      score: 0.8,
      passageId: 'cn/labor-contract-law#30',
      label: '《劳动合同法》第三十条',
    },
  ],
  status: 'open',
  createdAt: Date.UTC(2025, 0, 6, 8, 30),
  updatedAt: Date.UTC(2025, 0, 6, 8, 30),
};

const buttonsOf = (ticket: Ticket) =>
  ticketBlocks(ticket)
    .filter((b) => b.type === 'actions')
    .flatMap((b) => ('elements' in b ? b.elements : []))
    .map((e) => ('action_id' in e ? e.action_id : ''));

describe('ticketBlocks', () => {
  it('shows category, language, reasons, masked summary and citations', () => {
    const json = JSON.stringify(ticketBlocks(base));
    expect(json).toContain('URGENT · T20250106-ABC123');
    expect(json).toContain('Traditional Chinese (zh-Hant)');
    expect(json).toContain('injury, wage_arrears');
    expect(json).toContain('《工伤保险条例》第十七条');
    expect(json).toContain('《劳动合同法》第三十条');
    expect(json).not.toContain('110101199003078515');
    expect(json).not.toContain('13812345678');
    expect(json).toContain('[身份证号]');
  });

  it('offers Claim only while unclaimed, shows the owner once claimed, and only View once resolved', () => {
    expect(buttonsOf(base)).toEqual(['claim', 'reply', 'resolve', 'view'].map((a) => `ticket_${a}:${base.id}`));
    const claimed = { ...base, status: 'claimed' as const, owner: 'U_ANNA' };
    expect(buttonsOf(claimed)).toEqual(['reply', 'resolve', 'view'].map((a) => `ticket_${a}:${base.id}`));
    expect(JSON.stringify(ticketBlocks(claimed))).toContain('<@U_ANNA>');
    expect(buttonsOf({ ...claimed, status: 'resolved' })).toEqual([`ticket_view:${base.id}`]);
  });

  it('names an owner from the web console instead of mentioning a Slack user', () => {
    const byConsole = { ...base, status: 'claimed' as const, owner: 'console:bob' };
    expect(JSON.stringify(ticketBlocks(byConsole))).toContain('owner bob (web console)');
    expect(ticketText(byConsole)).toContain('owner bob (web console)');
    expect(JSON.stringify(ticketBlocks(byConsole))).not.toContain('<@console:bob>');
  });

  it('keeps every text within Slack limits for a huge summary', () => {
    const huge = {
      ...base,
      summary: '很长'.repeat(5000),
      reasons: Array.from({ length: 500 }, (_, i) => `reason_${i}`),
    };
    for (const block of ticketBlocks(huge)) {
      if (block.type === 'section' && block.text) expect(block.text.text.length).toBeLessThanOrEqual(3000);
      if (block.type === 'section' && block.fields)
        for (const f of block.fields) expect(f.text.length).toBeLessThanOrEqual(2000);
    }
  });

  it('has a plain-text fallback without personal data', () => {
    expect(ticketText(base)).toBe('URGENT ticket T20250106-ABC123 (zh-Hant, open)');
  });
});

describe('action ids', () => {
  it('carry the ticket id, read from the value first', () => {
    expect(ticketActionId('claim', 'T-1')).toBe('ticket_claim:T-1');
    expect(ticketIdOfAction({ action_id: 'ticket_claim:T-1' })).toBe('T-1');
    expect(ticketIdOfAction({ action_id: 'ticket_claim:T-1', value: 'T-2' })).toBe('T-2');
    expect(ticketIdOfAction({ action_id: 'ticket_claim' })).toBeUndefined();
  });
});

describe('modals', () => {
  it('the reply modal carries the ticket id and limits the length', () => {
    const modal = replyModal(base, 500);
    expect(modal.private_metadata).toBe(base.id);
    expect(JSON.stringify(modal.blocks)).toContain('"max_length":500');
  });
});

describe('desk texts in the staff language', () => {
  it('loads zh-Hans, vi and en from knowledge/ and renders the ticket with them', async () => {
    const { loadDeskText, STAFF_LANGUAGES } = await import('../../../src/channels/slack/desk-texts.js');
    const zh = loadDeskText('knowledge', 'zh-Hans');
    const blocks = JSON.stringify(ticketBlocks({ ...base, status: 'claimed', owner: 'U_A' }, zh));
    expect(blocks).toContain('"回复"');
    expect(blocks).toContain('负责人 <@U_A>');
    expect(blocks).not.toContain('Reply');
    expect(ticketText(base, zh)).toBe('紧急工单 T20250106-ABC123（zh-Hant，open）');
    const vi = loadDeskText('knowledge', 'vi');
    expect(vi.ephemeral.claimFirst('T1')).toBe(
      'Hãy nhận yêu cầu T1 trước: chỉ người phụ trách trả lời người lao động.',
    );
    for (const lang of STAFF_LANGUAGES)
      expect(loadDeskText('knowledge', lang).reminder('T9', 12, 'injury')).toContain('T9');
  });
});
