import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runChat } from '../../src/cli/chat-command.js';
import { openSqliteTicketStore } from '../../src/stores/sqlite-ticket-store.js';
import { captureIo } from '../helpers/cli-io.js';
import { openSharedBot } from '../helpers/shared-bot.js';
import { sharedIndexEnv } from '../helpers/shared-index.js';

describe('runChat (npm start, piped)', () => {
  it('answers one question per line through the conversation core, opening a real ticket if urgent', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'chat-data-'));
    const input = '产假有多少天\n\ncông ty không đóng bảo hiểm\n工友从脚手架上摔下来了，头在流血\n';
    const run = captureIo([], { ...(await sharedIndexEnv()), DATA_DIR: dataDir }, input);
    expect(await runChat(run.io, openSharedBot)).toBe(0);
    const out = run.stdout();
    expect(out).toContain('> 产假有多少天');
    expect(out).toContain('98天');
    expect(out).toContain('> công ty không đóng bảo hiểm');
    expect(out).toContain('Luật Bảo hiểm xã hội 2024');
    expect(out).toContain('[urgent: handed to union staff]');
    // The empty line is skipped, not answered.
    expect(out.match(/^> /gm)).toHaveLength(3);
    // What the terminal says is true: the urgent line opened a ticket in the local store.
    const store = openSqliteTicketStore(join(dataDir, 'gonghui.sqlite'));
    const tickets = await store.listOpenTickets();
    await store.close();
    expect(tickets).toHaveLength(1);
    expect(tickets[0]).toMatchObject({ channel: 'cli', category: 'urgent' });
    expect(out).toContain(tickets[0]!.id);
  }, 60_000);
});
