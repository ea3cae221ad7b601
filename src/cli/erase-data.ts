/**
 * Staff-side erasure: `npm run erase-data -- <ticket id>` erases the ticket's
 * whole conversation; `npm run erase-data -- <channel> <conversation id>`
 * erases a conversation directly (e.g. `http widget-a:w1`). Safe while the
 * server runs (SQLite WAL; the erase is one transaction).
 */
import { join } from 'node:path';
import { loadConfig } from '../config/load-config.js';
import { CHANNEL_NAMES, type ChannelName } from '../conversation/types.js';
import { parseDataKey } from '../config/data-key.js';
import { createFieldCipher } from '../privacy/field-cipher.js';
import { openSqliteTicketStore } from '../stores/sqlite-ticket-store.js';

const CHANNELS: readonly ChannelName[] = CHANNEL_NAMES;
const USAGE = 'usage: npm run erase-data -- <ticket id> | <wechat|http|cli> <conversation id>';

async function main(argv: readonly string[]): Promise<number> {
  const { app, serve } = loadConfig(process.env);
  const cipher = serve.DATA_ENCRYPTION_KEY ? createFieldCipher(parseDataKey(serve.DATA_ENCRYPTION_KEY)) : undefined;
  const store = openSqliteTicketStore(join(app.DATA_DIR, 'gonghui.sqlite'), cipher ? { cipher } : {});
  try {
    let target: { channel: ChannelName; conversationId: string } | undefined;
    if (argv.length === 1 && argv[0]) {
      const ticket = await store.getTicket(argv[0]);
      if (!ticket) {
        process.stderr.write(`erase-data: no ticket ${argv[0]}\n`);
        return 1;
      }
      target = { channel: ticket.channel, conversationId: ticket.conversationId };
    } else if (argv.length === 2 && CHANNELS.includes(argv[0] as ChannelName) && argv[1]) {
      target = { channel: argv[0] as ChannelName, conversationId: argv[1] };
    }
    if (!target) {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    const erased = await store.eraseConversation(target.channel, target.conversationId);
    process.stdout.write(
      `Erased ${target.channel} conversation: ${erased.conversations} conversation record(s), ` +
        `${erased.tickets} ticket(s) ${erased.ticketIds.join(' ')}, ${erased.messages} journaled message(s), ` +
        `${erased.inbox} inbox message(s), ${erased.outbox} pending event(s).\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`erase-data: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
