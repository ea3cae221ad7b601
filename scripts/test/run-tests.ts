/**
 * `npm test`: the typecheck and the vitest run side by side. tsc uses one core for several seconds while
 * vitest starts its workers and while its last long files run, so together they finish sooner than one
 * after the other. Arguments go to vitest; tsc's output is printed after the tests; the exit code is
 * non-zero when either failed.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const tscArgs = ['--noEmit', '--incremental', '--tsBuildInfoFile', '.cache/tsc.tsbuildinfo'];

// Every temporary file of the run (tests' folders, index copies, child processes' files) goes in one folder,
// removed at the end: a run writes a few hundred megabytes there, and tests that end early leave theirs.
const runTmp = mkdtempSync(join(tmpdir(), 'gonghui-test-run-'));
// Traversable by other users: the throw-away PostgreSQL server runs as `postgres` when the tests run as root.
chmodSync(runTmp, 0o755);
const env = { ...process.env, TMPDIR: runTmp };

function run(command: string, args: string[], capture: boolean): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit', env });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', (error) => resolve({ code: 1, output: `${output}${error.message}\n` }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

const bin = (name: string): string => `node_modules/.bin/${name}`;
const typecheck = run(bin('tsc'), tscArgs, true);
const tests = await run(bin('vitest'), ['run', ...process.argv.slice(2)], false);
const types = await typecheck;
rmSync(runTmp, { recursive: true, force: true });
const verdict = types.code === 0 ? 'passed' : 'failed';
process.stdout.write(`\n${types.code === 0 ? '' : types.output}typecheck (tsc --noEmit): ${verdict}\n`);
process.exitCode = tests.code !== 0 ? tests.code : types.code;
