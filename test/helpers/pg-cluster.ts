/**
 * A throw-away PostgreSQL server for tests: `initdb -A trust` in a temp
 * directory, `pg_ctl start` on a free loopback port with the socket in the
 * same directory, removed again by `stop()`. With PG_TEST_URL set, that
 * running server is used instead (each call gets its own fresh database).
 * As root the server runs as the `postgres` user (initdb refuses root).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface PgTestServer {
  /** Connection URL of the server's `postgres` database (for handing the server to other test files). */
  readonly url: string;
  /** Connection URL of a fresh, empty database on the server. */
  freshDatabase(): Promise<string>;
  /** Stops the throw-away server and removes its files (keeps an external PG_TEST_URL server running). */
  stop(): Promise<void>;
}

/** The directory with initdb/pg_ctl, or undefined when PostgreSQL is not installed. */
export function findPgBin(): string | undefined {
  const candidates = [
    process.env.PG_BIN,
    ...listVersions('/usr/lib/postgresql').map((v) => `/usr/lib/postgresql/${v}/bin`),
  ];
  return candidates.find(
    (dir): dir is string => !!dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')),
  );
}

function listVersions(root: string): string[] {
  try {
    return readdirSync(root).sort((a, b) => Number(b) - Number(a));
  } catch {
    return [];
  }
}

/** Why PostgreSQL tests cannot run here, or undefined when they can. */
export function pgUnavailableReason(): string | undefined {
  if (process.env.PG_TEST_URL) return undefined;
  if (!findPgBin())
    return (
      'no PostgreSQL server binaries (initdb, pg_ctl) found in PG_BIN or /usr/lib/postgresql/*/bin, ' +
      "and PG_TEST_URL is not set; install Debian's postgresql package (.ci/run does) to run these tests"
    );
  if (process.getuid?.() === 0 && spawnSync('id', ['-u', 'postgres']).status !== 0)
    return 'running as root and there is no `postgres` user to run the server as';
  return undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

let databases = 0;

function serverOn(baseUrl: string, stopServer: () => Promise<void>, external: boolean): PgTestServer {
  const created: string[] = [];
  return {
    url: baseUrl,
    async freshDatabase() {
      const name = `gonghui_test_${process.pid}_${Date.now().toString(36)}_${(databases += 1)}`;
      const admin = new pg.Client({ connectionString: baseUrl });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      created.push(name);
      const url = new URL(baseUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    async stop() {
      if (external) {
        const admin = new pg.Client({ connectionString: baseUrl });
        await admin.connect();
        for (const name of created)
          await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
        await admin.end();
      }
      await stopServer();
    },
  };
}

/**
 * Starts a throw-away server, or uses a running one: `externalUrl` (the run's shared server, see
 * test/setup/shared-pg.ts) or PG_TEST_URL. Call `stop()` in afterAll: on a running server it drops the
 * databases this caller created and leaves the server up.
 */
export async function startPgServer(externalUrl = process.env.PG_TEST_URL): Promise<PgTestServer> {
  if (externalUrl) return serverOn(externalUrl, async () => undefined, true);
  const bin = findPgBin();
  if (!bin) throw new Error(pgUnavailableReason());
  const dir = mkdtempSync(join(tmpdir(), 'gonghui-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => {
    const full = join(bin, cmd);
    // initdb and postgres refuse to run as root: drop to the postgres user.
    if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', full, ...args], { stdio: 'pipe' });
    else execFileSync(full, args, { stdio: 'pipe' });
  };
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-locale', '--no-sync']);
  const port = await freePort();
  // Durability is not under test here: fsync off keeps the suite quick on a shared machine.
  const options =
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off ` +
    '-c full_page_writes=off -c max_connections=200';
  run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', options, '-w', '-t', '60', 'start']);
  const stopServer = async () => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  return serverOn(`postgres://postgres@127.0.0.1:${port}/postgres`, stopServer, false);
}
