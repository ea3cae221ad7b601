import type { TestProject } from 'vitest/node';
import { pgUnavailableReason, startPgServer } from '../helpers/pg-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's shared PostgreSQL server ('' when there is none): test/helpers/pg-suite.ts uses it. */
    pgTestUrl: string;
  }
}

/**
 * globalSetup of the integration project: one throw-away PostgreSQL cluster for the whole run instead of
 * one per test file (initdb and start-up cost CPU each time). Every test still gets its own database, and
 * advisory locks are per database, so test files do not see each other. With PG_TEST_URL set, or without
 * PostgreSQL here, nothing is started.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.PG_TEST_URL || pgUnavailableReason()) {
    project.provide('pgTestUrl', process.env.PG_TEST_URL ?? '');
    return async () => undefined;
  }
  const server = await startPgServer();
  project.provide('pgTestUrl', server.url);
  return () => server.stop();
}
