import { PassThrough, Readable } from 'node:stream';
import type { CliIo } from '../../src/cli/cli-io.js';

/** A command's io with the given arguments, env and stdin text; what it writes is read back as text. */
export function captureIo(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  stdinText = '',
): { io: CliIo; stdout: () => string; stderr: () => string } {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks = { out: [] as Buffer[], err: [] as Buffer[] };
  out.on('data', (d: Buffer) => chunks.out.push(d));
  err.on('data', (d: Buffer) => chunks.err.push(d));
  return {
    io: { argv, env, stdin: Readable.from([stdinText]), stdout: out, stderr: err },
    stdout: () => Buffer.concat(chunks.out).toString('utf8'),
    stderr: () => Buffer.concat(chunks.err).toString('utf8'),
  };
}
