import { afterAll, beforeAll, inject } from 'vitest';
import { pgUnavailableReason, startPgServer, type PgTestServer } from './pg-cluster.js';

/**
 * Starts one throw-away PostgreSQL server for a test file. `skip` is set (and
 * the reason printed once) only when no PostgreSQL is available here.
 */
export function usePgServer(): { readonly skip: boolean; server(): PgTestServer } {
  const reason = pgUnavailableReason();
  if (reason) process.stderr.write(`PostgreSQL tests skipped: ${reason}\n`);
  let server: PgTestServer | undefined;
  beforeAll(async () => {
    // The run's shared server (test/setup/shared-pg.ts) when there is one: one cluster per run, a fresh
    // database per test; otherwise a server of this file's own.
    if (!reason) server = await startPgServer(inject('pgTestUrl') || undefined);
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  }, 60_000);
  return {
    skip: reason !== undefined,
    server() {
      if (!server) throw new Error('PostgreSQL test server not started');
      return server;
    },
  };
}
