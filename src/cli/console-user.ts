/**
 * Staff accounts of the console:
 *   npm run console:user -- add <name> [--role staff|lead] [--lang zh-Hans|zh-Hant|vi|en]
 *   npm run console:user -- passwd <name>
 *   npm run console:user -- disable <name> | enable <name>
 *   npm run console:user -- list
 * The password is read from CONSOLE_USER_PASSWORD or from the first line of
 * standard input (typed or piped); it is never a command-line argument, so it
 * stays out of shell history and `ps`.
 */
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { loadConfig } from '../config/load-config.js';
import { MIN_PASSWORD_LENGTH } from '../console/password.js';
import { runConsoleUser } from '../console/user-admin.js';
import { openSqliteConsoleStore } from '../stores/sqlite-console-store.js';
import { DEFAULT_STORE_FILE } from '../stores/sqlite-ticket-store.js';

async function readPassword(): Promise<string> {
  const fromEnv = process.env.CONSOLE_USER_PASSWORD;
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) process.stderr.write(`password (at least ${MIN_PASSWORD_LENGTH} characters): `);
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  throw new Error('no password given (set CONSOLE_USER_PASSWORD or write it on standard input)');
}

const config = loadConfig(process.env).app;
const store = openSqliteConsoleStore(join(config.DATA_DIR, DEFAULT_STORE_FILE));
try {
  process.stdout.write(`${await runConsoleUser(process.argv.slice(2), store, readPassword)}\n`);
} catch (error) {
  const message =
    error instanceof z.ZodError
      ? (error.issues[0]?.message ?? 'invalid input')
      : error instanceof Error
        ? error.message
        : String(error);
  process.stderr.write(`console:user: ${message}\n`);
  process.exitCode = 1;
} finally {
  await store.close();
}
