import type { Config } from '../../src/config/load-config.js';
import { createBot, type Bot } from '../../src/create-bot.js';

const bots = new Map<string, Promise<Bot>>();

/**
 * Opens the bot for a command under test, once per answer policy and index: loading it costs about a
 * second of CPU, and the commands' cases differ in arguments, not in the bot. Kept in module state, so
 * the test files of one worker share it.
 */
export function openSharedBot(config: Config): Promise<Bot> {
  const key = JSON.stringify([config.answerPolicy, config.app.INDEX_CACHE_DIR, config.app.EXTRA_LAWS_DIR]);
  let bot = bots.get(key);
  if (!bot) {
    bot = createBot({ config });
    bots.set(key, bot);
  }
  return bot;
}
