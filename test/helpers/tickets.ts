import type { Ticket } from '../../src/conversation/types.js';

/** An open urgent injury ticket T1 with an empty transcript; each test overrides what it looks at. */
export const makeTicket = (over: Partial<Ticket> = {}): Ticket => ({
  id: 'T1',
  channel: 'wechat',
  conversationId: 'c',
  language: 'zh-Hans',
  category: 'urgent',
  reasons: ['injury'],
  summary: 's',
  transcript: [],
  citations: [],
  status: 'open',
  createdAt: 1,
  updatedAt: 1,
  ...over,
});
