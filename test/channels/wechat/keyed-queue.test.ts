import { describe, expect, it } from 'vitest';
import { KeyedQueue } from '../../../src/channels/wechat/keyed-queue.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('KeyedQueue', () => {
  it('runs tasks of one key in order and different keys in parallel', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const task = (name: string, ms: number) => async () => {
      await sleep(ms);
      log.push(name);
      return name;
    };
    const results = await Promise.all([
      queue.run('a', task('a1', 60)),
      queue.run('a', task('a2', 5)),
      queue.run('b', task('b1', 20)),
    ]);
    expect(results).toEqual(['a1', 'a2', 'b1']);
    expect(log).toEqual(['b1', 'a1', 'a2']);
  });

  it('keeps going after a failed task and forgets idle keys', async () => {
    const queue = new KeyedQueue();
    const failed = queue.run('a', async () => {
      throw new Error('boom');
    });
    const next = queue.run('a', async () => 'ok');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ok');
    await sleep(0);
    expect(queue.size).toBe(0);
  });
});
