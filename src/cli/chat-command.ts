import { createInterface } from 'node:readline';
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { loadConfig } from '../config/load-config.js';
import { createService } from '../create-service.js';
import { createBot, type Bot } from '../create-bot.js';
import type { Config } from '../config/load-config.js';
import type { CliIo } from './cli-io.js';
import { renderReply } from '../core/answer-output.js';
import { createProgressReporter } from './progress-bar.js';

const WELCOME = `gonghui-bot: 劳动法律信息助手 / 勞動法律資訊助手 / trợ lý pháp luật lao động
请输入问题 · 請輸入問題 · Nhập câu hỏi  (Ctrl+D / "exit" to quit)`;

/** How the command gets its bot; tests pass one that reuses a bot across calls. */
export type OpenChatBot = (config: Config, onProgress: (done: number, total: number) => void) => Promise<Bot>;
const openBot: OpenChatBot = (config, onProgress) => createBot({ config, onProgress });

/**
 * Terminal chat on the embedded default, through the same conversation core
 * as every channel: triage, tickets in the local SQLite file (DATA_DIR) and
 * follow-up context, so "passed to union staff" is true here too (staff see
 * the ticket in the console or Slack when `npm run serve` runs on the same
 * DATA_DIR). Interactive on a terminal, one conversation that continues
 * across runs; with a pipe, each line is its own conversation and the
 * program exits at the end of input.
 */
export async function runChat(io: CliIo, open: OpenChatBot = openBot): Promise<number> {
  const interactive = io.stdin.isTTY === true;
  const progress = createProgressReporter('gonghui-bot', io.stderr);
  const config = loadConfig({ ...io.env });
  const bot = await open(config, (d, t) => progress.update(d, t));
  progress.stop();
  // One person at a keyboard or a file of questions: the flood limits are for public channels.
  const serve = { ...config.serve, RATE_LIMIT_PER_MINUTE: 10_000, RATE_LIMIT_BURST: 10_000 };
  const service = createService(bot, serve, config.app.DATA_DIR);
  const runId = randomUUID();
  let line = 0;

  const rl = createInterface({ input: io.stdin, output: io.stdout, terminal: interactive });
  if (interactive) {
    io.stdout.write(`${WELCOME}\n`);
    rl.setPrompt('> ');
    rl.prompt();
  }
  for await (const raw of rl) {
    const text = raw.trim();
    if (interactive && (text === 'exit' || text === 'quit')) break;
    if (text === '' && !interactive) continue;
    line += 1;
    const conversationId = interactive ? `terminal-${userInfo().username}` : `pipe-${runId}-${line}`;
    const replies = await service.core.handle({
      channel: 'cli',
      conversationId,
      userId: conversationId,
      messageId: `${runId}-${line}`,
      kind: 'text',
      text,
      timestamp: Date.now(),
    });
    if (!interactive) io.stdout.write(`> ${text}\n`);
    for (const reply of replies)
      io.stdout.write(`${reply.answer ? renderReply(reply.text, reply.answer) : reply.text}\n\n`);
    if (interactive) rl.prompt();
  }
  rl.close();
  await service.store.close();
  return 0;
}
