import { botTurnText } from '../core/bot-turn-text.js';
import { createInterface } from 'node:readline';
import type { HistoryTurn, Lang } from '../core/types.js';
import { createBot } from '../create-bot.js';
import { renderAnswer } from './ask-output.js';
import { createProgressReporter } from './progress-bar.js';

const WELCOME = `gonghui-bot: 劳动法律信息助手 / 勞動法律資訊助手 / trợ lý pháp luật lao động
请输入问题 · 請輸入問題 · Nhập câu hỏi  (Ctrl+D / "exit" to quit)`;

/**
 * Terminal chat on the embedded default. Interactive on a terminal; with a
 * pipe it answers one question per line and exits at the end of input.
 */
async function main(): Promise<void> {
  const interactive = process.stdin.isTTY === true;
  const progress = createProgressReporter('gonghui-bot');
  const bot = await createBot({ onProgress: (d, t) => progress.update(d, t) });
  progress.stop();
  const history: HistoryTurn[] = [];
  let conversationLang: Lang | undefined;

  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: interactive });
  if (interactive) {
    process.stdout.write(`${WELCOME}\n`);
    rl.setPrompt('> ');
    rl.prompt();
  }
  for await (const line of rl) {
    const text = line.trim();
    if (interactive && (text === 'exit' || text === 'quit')) break;
    if (text === '' && !interactive) continue;
    // Piped lines are independent questions; an interactive session is one conversation.
    const context = interactive ? { history, ...(conversationLang ? { conversationLang } : {}) } : {};
    const answer = await bot.engine.ask({ text, ...context });
    if (answer.mode !== 'invalid_input') {
      conversationLang = answer.language;
      history.push({ role: 'worker', text }, { role: 'bot', text: botTurnText(answer) });
      history.splice(0, Math.max(0, history.length - 8));
    }
    if (!interactive) process.stdout.write(`> ${text}\n`);
    process.stdout.write(`${renderAnswer(answer)}\n\n`);
    if (interactive) rl.prompt();
  }
  rl.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`gonghui-bot: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
