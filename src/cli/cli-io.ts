import type { Readable, Writable } from 'node:stream';

/**
 * What a command-line command reads and writes. The entry files pass the
 * process's own (processIo); tests pass strings and buffers, so a command's
 * behaviour is checked without starting a Node process for each case.
 */
export interface CliIo {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdin: Readable & { readonly isTTY?: boolean };
  readonly stdout: Writable;
  readonly stderr: Writable & { readonly isTTY?: boolean };
}

function processIo(): CliIo {
  return {
    argv: process.argv.slice(2),
    env: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
  };
}

/**
 * Runs a command as the process's main: its exit code becomes the process's, and an error it throws is
 * one line on stderr (prefixed with `label`) and exit code 1, not a stack trace.
 */
export function runAsMain(label: string, command: (io: CliIo) => Promise<number>): void {
  const io = processIo();
  command(io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      io.stderr.write(`${label}: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
