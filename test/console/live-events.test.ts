import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConsoleHarness, type ConsoleHarness } from './helpers/console-harness.js';
import { InjectSession } from './helpers/browser-session.js';

let h: ConsoleHarness;
beforeEach(async () => {
  h = await createConsoleHarness({ pollMs: 50 });
});
afterEach(async () => {
  await h.close();
});

/** Reads the stream until `pattern` shows up; returns everything read. */
async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, pattern: RegExp): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  while (!pattern.test(text)) {
    const { value, done } = await reader.read();
    if (done) return `${text}<end>`;
    text += decoder.decode(value, { stream: true });
  }
  return text;
}

describe('live queue events (server-sent events)', () => {
  it('refuses a stream without a session', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/console/events' });
    expect(res.statusCode).toBe(401);
  });

  it('tells an open page when a ticket changes, and ends the stream when the session ends', async () => {
    const bob = await InjectSession.signIn(h.app, 'bob');
    const cookie = bob.cookieHeader;
    const base = await h.app.listen({ port: 0, host: '127.0.0.1' });
    const res = await fetch(`${base}/console/events`, { headers: { cookie } });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    await readUntil(reader, /retry: 5000/);
    await h.say('w1', '我受伤了');
    const [ticket] = await h.core.listOpenTickets();
    expect(await readUntil(reader, /event: change\ndata: \{[^\n]*\}\n\n/)).toContain(`"ticketId":"${ticket?.id}"`);
    await bob.post('/console/logout');
    expect(await readUntil(reader, /<end>$/)).toMatch(/<end>$/);
  });
});
