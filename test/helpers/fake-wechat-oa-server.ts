import type { IncomingMessage } from 'node:http';
import { JsonRouteServer, readBody } from './json-route-server.js';

/** One text the fake received through the customer-service API. */
export interface OaSent {
  readonly touser: string;
  readonly content: string;
  readonly token: string;
}

/**
 * A local stand-in for api.weixin.qq.com: `/cgi-bin/token` hands out
 * numbered tokens, `/cgi-bin/message/custom/send` records texts and answers
 * like WeChat (42001 for an expired token, 40001 for an unknown one).
 * Knobs: `expireTokens()`, `failNextSends` (HTTP 500), `nextErrcodes`.
 */
export class FakeWechatOaServer {
  readonly sent: OaSent[] = [];
  tokenRequests = 0;
  /** Sends answered with HTTP 500 before the next one succeeds. */
  failNextSends = 0;
  /** Errcodes to answer the next sends with, in order. */
  nextErrcodes: number[] = [];
  /** Token lifetime announced to clients, seconds. */
  expiresIn = 7200;
  private readonly valid = new Set<string>();
  private readonly expired = new Set<string>();
  private readonly http = new JsonRouteServer((request) => this.route(request));
  baseUrl = '';

  constructor(
    private readonly appId: string,
    private readonly appSecret: string,
  ) {}

  async start(): Promise<string> {
    this.baseUrl = await this.http.start();
    return this.baseUrl;
  }

  async stop(): Promise<void> {
    await this.http.stop();
  }

  /** Every token handed out so far stops working (as after its 2 hours). */
  expireTokens(): void {
    for (const t of this.valid) this.expired.add(t);
    this.valid.clear();
  }

  private async route(request: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const url = new URL(request.url ?? '/', 'http://fake');
    if (url.pathname === '/cgi-bin/token' && request.method === 'GET') {
      if (url.searchParams.get('appid') !== this.appId || url.searchParams.get('secret') !== this.appSecret)
        return { status: 200, body: { errcode: 40125, errmsg: 'invalid appsecret' } };
      this.tokenRequests += 1;
      const token = `TOKEN-${this.tokenRequests}`;
      this.valid.add(token);
      return { status: 200, body: { access_token: token, expires_in: this.expiresIn } };
    }
    if (url.pathname === '/cgi-bin/message/custom/send' && request.method === 'POST') {
      const token = url.searchParams.get('access_token') ?? '';
      const body = JSON.parse(await readBody(request)) as {
        touser?: string;
        msgtype?: string;
        text?: { content?: string };
      };
      if (this.expired.has(token)) return { status: 200, body: { errcode: 42001, errmsg: 'access_token expired' } };
      if (!this.valid.has(token)) return { status: 200, body: { errcode: 40001, errmsg: 'invalid credential' } };
      if (this.failNextSends > 0) {
        this.failNextSends -= 1;
        return { status: 500, body: { errmsg: 'internal' } };
      }
      const errcode = this.nextErrcodes.shift();
      if (errcode !== undefined) return { status: 200, body: { errcode, errmsg: 'refused' } };
      if (body.msgtype !== 'text' || !body.touser || typeof body.text?.content !== 'string')
        return { status: 200, body: { errcode: 44002, errmsg: 'empty post data' } };
      this.sent.push({ touser: body.touser, content: body.text.content, token });
      return { status: 200, body: { errcode: 0, errmsg: 'ok' } };
    }
    return { status: 404, body: { errcode: 404, errmsg: 'not found' } };
  }
}
