import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlackCall {
  /** Web API method (`chat.postMessage`), or the path of another request (`respond` for response_url). */
  readonly method: string;
  readonly body: Record<string, unknown>;
  readonly headers: IncomingHttpHeaders;
}

/**
 * A local stand-in for the Slack Web API (and for response_url) on
 * 127.0.0.1: records every call and answers like Slack for auth.test,
 * chat.postMessage (with a fresh ts), chat.update, chat.postEphemeral,
 * views.open and anything else with `{ ok: true }`. `failNext` makes a
 * method answer `{ ok: false, error }` once, to test retries.
 */
export class FakeSlackApi {
  readonly calls: SlackCall[] = [];
  /** Top-level channel messages posted so far. */
  readonly channelMessages: { ts: string; text: unknown; metadata?: unknown }[] = [];
  private readonly server: Server;
  private readonly failures = new Map<string, string[]>();
  private ts = 1000;
  private readonly hanging = new Set<string>();
  private readonly held: (() => void)[] = [];

  constructor() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const body: Record<string, unknown> = (req.headers['content-type'] ?? '').includes('json')
          ? raw
            ? (JSON.parse(raw) as Record<string, unknown>)
            : {}
          : Object.fromEntries(new URLSearchParams(raw));
        // The Web API client sends nested objects as JSON strings in form bodies.
        for (const key of ['blocks', 'view'])
          if (typeof body[key] === 'string') body[key] = JSON.parse(body[key] as string) as unknown;
        const method = (req.url ?? '').replace(/^\/(api\/)?/, '').split('?')[0] ?? '';
        this.calls.push({ method, body, headers: req.headers });
        if (this.hanging.has(method)) {
          this.held.push(() => res.destroy());
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        const error = this.failures.get(method)?.shift();
        res.end(JSON.stringify(error ? { ok: false, error } : { ok: true, ...this.extra(method, body) }));
      });
    });
  }

  private extra(method: string, body: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { user_id: 'UBOT', team_id: 'T1', bot_id: 'B1', url: 'https://example.slack.com/' };
      case 'chat.postMessage': {
        const ts = `${(this.ts += 1)}.0001`;
        // Remembered for conversations.history, metadata included (as Slack does with include_all_metadata).
        if (!body.thread_ts)
          this.channelMessages.push({
            ts,
            text: body.text,
            ...(body.metadata
              ? { metadata: typeof body.metadata === 'string' ? JSON.parse(body.metadata) : body.metadata }
              : {}),
          });
        return { ts, channel: body.channel };
      }
      case 'conversations.history':
        return { messages: [...this.channelMessages].reverse(), has_more: false };
      case 'chat.update':
        return { ts: body.ts, channel: body.channel };
      case 'chat.postEphemeral':
        return { message_ts: `${(this.ts += 1)}.0002` };
      case 'views.open':
        return { view: { id: `V${this.ts}` } };
      default:
        return {};
    }
  }

  /** Listens on a free loopback port; returns the base URL (the Web API is under `/api/`). */
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Calls of `method` are never answered (a stuck Slack) until {@link FakeSlackApi.stop}. */
  hang(method: string): void {
    this.hanging.add(method);
  }

  stop(): Promise<void> {
    for (const close of this.held) close();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** Calls of one method, oldest first. */
  named(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** The next call of `method` answers `{ ok: false, error }`. */
  failNext(method: string, error = 'internal_error'): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), error]);
  }
}
