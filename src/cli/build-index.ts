import { loadConfig } from '../config/load-config.js';
import { createBot } from '../create-bot.js';
import { createProgressReporter } from './progress-bar.js';

/** Builds (or verifies) the search index ahead of time, e.g. in a deploy step. */
async function main(): Promise<void> {
  const started = performance.now();
  const progress = createProgressReporter('gonghui-bot');
  const config = loadConfig(process.env);
  const bot = await createBot({ config, onProgress: (d, t) => progress.update(d, t) });
  progress.stop();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `Index ready: ${bot.kb.documents.length} documents, ${bot.kb.passages.length} passages, ` +
      `knowledge hash ${bot.kb.contentHash.slice(0, 12)}, ${seconds} s (cache: ${bot.config.INDEX_CACHE_DIR}).\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`gonghui-bot: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
