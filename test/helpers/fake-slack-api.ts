import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlackCall {
  readonly method: string;
  readonly body: Record<string, unknown>;
}

/**
 * A local stand-in for the Slack Web API (and response_url) that records
 * calls: enough for Bolt's client to post, update, open views and respond.
 */
export class FakeSlackApi {
  readonly calls: SlackCall[] = [];
  private readonly server: Server;
  private ts = 1000;

  constructor() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        let body: Record<string, unknown> = {};
        if ((req.headers['content-type'] ?? '').includes('json')) body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
        else body = Object.fromEntries(new URLSearchParams(raw));
        for (const key of ['blocks', 'view']) if (typeof body[key] === 'string') body[key] = JSON.parse(body[key] as string);
        const method = (req.url ?? '').replace(/^\/(api\/)?/, '').split('?')[0]!;
        this.calls.push({ method, body });
        res.writeHead(200, { 'content-type': 'application/json' });
        const extra = method === 'chat.postMessage' ? { ts: `${(this.ts += 1)}.0001`, channel: body.channel } : method === 'auth.test' ? { user_id: 'UBOT', team_id: 'T1', bot_id: 'B1' } : {};
        res.end(JSON.stringify({ ok: true, ...extra }));
      });
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  named(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }
}
