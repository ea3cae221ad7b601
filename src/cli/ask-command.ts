import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../config/load-config.js';
import { renderAnswer, renderDebug, toAskJson } from '../core/answer-output.js';
import type { Bot } from '../create-bot.js';
import type { Config } from '../config/load-config.js';
import type { CliIo } from './cli-io.js';
import { createProgressReporter } from './progress-bar.js';

const USAGE = `Usage:
  npm run ask -- "老板三个月没发工资怎么办"          print one answer
  npm run ask -- --json "question"                  print the answer as JSON
  npm run ask -- --json --batch FILE.jsonl [--out OUT.jsonl]
      FILE.jsonl lines: {"id": "...", "question": "..."}; one JSON result per line, with its id
  --debug-retrieval   also print the ranked retrieval list ("retrieved") and the answer policy in force
                      ("policy" in JSON; for --batch, one policy line on stderr)`;

// `question` is the documented field; `text` is accepted too, as the HTTP API names it.
const batchLineSchema = z
  .object({
    id: z.union([z.string(), z.number()]).transform(String),
    question: z.string().optional(),
    text: z.string().optional(),
  })
  .refine((l) => l.question !== undefined || l.text !== undefined, 'question is required')
  .transform((l) => ({ id: l.id, question: l.question ?? l.text ?? '' }));

/** How the command gets its bot; tests pass one that reuses a bot across calls. */
export type OpenAskBot = (config: Config, onProgress: (done: number, total: number) => void) => Promise<AskBot>;
export type AskBot = Pick<Bot, 'engine' | 'policy'>;

// Loaded only when needed: a usage error is reported without loading the whole bot.
const openBot: OpenAskBot = async (config, onProgress) =>
  (await import('../create-bot.js')).createBot({ config, onProgress });

/** `npm run ask`: one answer, or a JSONL batch, as text or JSON. Returns the exit code (2: usage error). */
export async function runAsk(io: CliIo, open: OpenAskBot = openBot): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...io.argv],
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        batch: { type: 'string' },
        out: { type: 'string' },
        'debug-retrieval': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || (!values.batch && positionals.length === 0)) {
    io.stderr.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const progress = createProgressReporter('gonghui-bot', io.stderr);
  const bot = await open(loadConfig({ ...io.env }), (d, t) => progress.update(d, t));
  progress.stop();
  const debug = values['debug-retrieval'];
  // The thresholds that decided the replies below (stderr in batch mode: stdout stays one result per line).
  if (debug && values.batch) io.stderr.write(`answer policy in force: ${JSON.stringify(bot.policy)}\n`);

  if (values.batch) {
    const out = values.out ? createWriteStream(values.out) : io.stdout;
    const lines = createInterface({ input: createReadStream(values.batch, 'utf8'), crlfDelay: Infinity });
    let lineNo = 0;
    for await (const line of lines) {
      lineNo += 1;
      if (line.trim() === '') continue;
      let item: z.infer<typeof batchLineSchema>;
      try {
        item = batchLineSchema.parse(JSON.parse(line.replace(/^\uFEFF/, '')));
      } catch {
        const id = /"id"\s*:\s*"?([^",}]+)/.exec(line)?.[1];
        out.write(
          `${JSON.stringify({
            id: id ?? `line-${lineNo}`,
            error: `line ${lineNo}: expected {"id","question"} JSON`,
          })}\n`,
        );
        continue;
      }
      const started = performance.now();
      const answer = await bot.engine.ask({ text: item.question, debug });
      out.write(`${JSON.stringify(toAskJson(answer, performance.now() - started, item.id))}\n`);
    }
    if (out !== io.stdout) await new Promise<void>((resolve) => out.end(resolve));
    return 0;
  }

  const question = positionals.join(' ');
  const started = performance.now();
  const answer = await bot.engine.ask({ text: question, debug });
  const elapsed = performance.now() - started;
  if (values.json) {
    const json = { ...toAskJson(answer, elapsed), ...(debug ? { policy: bot.policy } : {}) };
    io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    io.stdout.write(`${renderAnswer(answer)}\n${debug ? `\n${renderDebug(answer, bot.policy)}\n` : ''}`);
  }
  return 0;
}
