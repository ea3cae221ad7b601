import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted reply of the fake endpoint. */
export type ScriptedReply =
  | { kind: 'chat'; content: string; delayMs?: number }
  | { kind: 'status'; status: number; retryAfterSeconds?: number }
  | { kind: 'hang' };

export interface RecordedRequest {
  readonly path: string;
  readonly body: Record<string, unknown>;
}

/**
 * A small OpenAI-compatible server on loopback for tests: real HTTP, so the
 * real `openai` client is exercised. Chat replies come from a script queue
 * (the last entry repeats); embeddings are deterministic vectors, base64 or
 * float as the client asks.
 */
export class FakeOpenAiServer {
  readonly requests: RecordedRequest[] = [];
  private script: ScriptedReply[] = [];
  private readonly server: Server;
  private readonly hanging = new Set<() => void>();

  constructor() {
    this.server = createServer((req, res) => {
      void this.handle(req).then(
        ({ status, body, headers, hang }) => {
          if (hang) {
            this.hanging.add(() => res.destroy());
            return;
          }
          res.writeHead(status, { 'content-type': 'application/json', ...headers });
          res.end(JSON.stringify(body));
        },
        () => {
          res.writeHead(500);
          res.end();
        },
      );
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  async stop(): Promise<void> {
    for (const close of this.hanging) close();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Replaces the chat script. */
  respond(...replies: ScriptedReply[]): void {
    this.script = replies;
  }

  chatRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.path.endsWith('/chat/completions'));
  }

  private async handle(
    req: IncomingMessage,
  ): Promise<{ status: number; body: unknown; headers?: Record<string, string>; hang?: boolean }> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
    const path = req.url ?? '';
    this.requests.push({ path, body });
    if (path.endsWith('/embeddings')) return { status: 200, body: this.embeddings(body) };
    const next = (this.script.length > 1 ? this.script.shift() : this.script[0]) ?? { kind: 'status', status: 500 };
    if (next.kind === 'hang') return { status: 0, body: null, hang: true };
    if (next.kind === 'status') {
      return {
        status: next.status,
        body: { error: { message: `scripted ${next.status}`, type: 'test' } },
        ...(next.retryAfterSeconds !== undefined ? { headers: { 'retry-after': String(next.retryAfterSeconds) } } : {}),
      };
    }
    if (next.delayMs) await new Promise((r) => setTimeout(r, next.delayMs));
    return {
      status: 200,
      body: {
        id: 'chatcmpl-test',
        object: 'chat.completion',
        created: 0,
        model: String(body.model),
        choices: [{ index: 0, message: { role: 'assistant', content: next.content }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      },
    };
  }

  private embeddings(body: Record<string, unknown>) {
    const inputs = Array.isArray(body.input) ? (body.input as string[]) : [String(body.input)];
    const dims = typeof body.dimensions === 'number' ? body.dimensions : 8;
    const data = inputs.map((text, index) => {
      const v = new Float32Array(dims);
      for (const ch of text) v[ch.codePointAt(0)! % dims]! += 1;
      const embedding = body.encoding_format === 'base64' ? Buffer.from(v.buffer).toString('base64') : Array.from(v);
      return { object: 'embedding', index, embedding };
    });
    return { object: 'list', data, model: String(body.model), usage: { prompt_tokens: 1, total_tokens: 1 } };
  }
}
