/**
 * Retries `task` a few times with a growing pause. For bot answers sent
 * after the callback was answered: they belong to no ticket, so the outbox
 * cannot carry them.
 */
export async function withRetry<T>(
  task: () => Promise<T>,
  options: { attempts?: number; baseMs?: number } = {},
): Promise<T> {
  const attempts = options.attempts ?? 3;
  const base = options.baseMs ?? 500;
  let last: unknown;
  for (let i = 0; i < attempts; i += 1) {
    try {
      return await task();
    } catch (error) {
      last = error;
      if (i < attempts - 1) await new Promise((r) => setTimeout(r, base * 2 ** i));
    }
  }
  throw last;
}
