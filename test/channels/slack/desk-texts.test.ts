import { describe, expect, it } from 'vitest';
import { createDeskText, DESK_TEXT } from '../../../src/channels/slack/desk-texts.js';
import { loadDesk } from '../../../src/knowledge/load-desk.js';

describe('desk texts', () => {
  it('names web-console staff with the consoleStaff label instead of a Slack mention', () => {
    expect(DESK_TEXT.owner('console:anna')).toBe('owner anna (web console)');
    expect(DESK_TEXT.owner('U123')).toBe('owner <@U123>');
    const labels = loadDesk('knowledge');
    const custom = { ...labels, vi: { ...labels.vi, desk: { ...labels.vi.desk, consoleStaff: '{name} [web]' } } };
    expect(createDeskText(custom, 'vi').owner('console:bình')).toBe('người phụ trách bình [web]');
  });
});
