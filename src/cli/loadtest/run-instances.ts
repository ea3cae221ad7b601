import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface RunningInstances {
  readonly urls: readonly string[];
  stop(): Promise<void>;
}

const INSTANCE_ENTRY = fileURLToPath(new URL('./loadtest-instance.ts', import.meta.url));

/** Starts `count` bot instances as child processes on one database; resolves once all listen. */
export async function startInstances(count: number, databaseUrl: string, engine: string): Promise<RunningInstances> {
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(
      children.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.exitCode !== null || c.signalCode !== null) return resolve();
            c.once('exit', () => resolve());
            c.kill('SIGTERM');
            setTimeout(() => c.kill('SIGKILL'), 5_000).unref();
          }),
      ),
    );
  };
  try {
    const urls = await Promise.all(
      Array.from({ length: count }, async (_, i) => {
        const child = spawn(process.execPath, ['--import', 'tsx', INSTANCE_ENTRY], {
          env: { ...process.env, DATABASE_URL: databaseUrl, LOADTEST_ENGINE: engine, INSTANCE_ID: `loadtest-${i + 1}` },
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        children.push(child);
        for await (const line of createInterface({ input: child.stdout! })) {
          const m = /^listening (\d+)$/.exec(line);
          if (m) return `http://127.0.0.1:${m[1]}`;
        }
        throw new Error(`loadtest instance ${i + 1} exited before listening (see its error above)`);
      }),
    );
    return { urls, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
