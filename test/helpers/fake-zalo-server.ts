import type { IncomingMessage } from 'node:http';
import { JsonRouteServer, readBody } from './json-route-server.js';

/**
 * A local stand-in for Zalo's openapi.zalo.me (`/v3.0/oa/message/cs`) and
 * oauth.zaloapp.com (`/v4/oa/access_token`): single-use refresh tokens,
 * access tokens that can be expired (-216), sends that can fail (HTTP 500).
 */
export class FakeZaloServer {
  readonly sent: { userId: string; text: string; token: string }[] = [];
  refreshes = 0;
  failNextSends = 0;
  expiresIn = 90_000;
  private readonly validAccess = new Set<string>();
  private validRefresh: string;
  private readonly http = new JsonRouteServer((request) => this.route(request));
  baseUrl = '';

  constructor(
    private readonly appId: string,
    private readonly appSecret: string,
    firstRefreshToken: string,
  ) {
    this.validRefresh = firstRefreshToken;
  }

  expireAccessTokens(): void {
    this.validAccess.clear();
  }

  async start(): Promise<string> {
    this.baseUrl = await this.http.start();
    return this.baseUrl;
  }

  async stop(): Promise<void> {
    await this.http.stop();
  }

  private async route(request: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const url = new URL(request.url ?? '/', 'http://fake');
    const text = await readBody(request);
    if (url.pathname === '/v4/oa/access_token' && request.method === 'POST') {
      const form = new URLSearchParams(text);
      if (request.headers.secret_key !== this.appSecret || form.get('app_id') !== this.appId)
        return { status: 200, body: { error: -14002, error_name: 'Invalid app' } };
      if (form.get('grant_type') !== 'refresh_token' || form.get('refresh_token') !== this.validRefresh)
        return { status: 200, body: { error: -14014, error_name: 'Invalid refresh token' } };
      this.refreshes += 1;
      this.validRefresh = `REFRESH-${this.refreshes}`;
      const access = `ACCESS-${this.refreshes}`;
      this.validAccess.add(access);
      return {
        status: 200,
        body: { access_token: access, refresh_token: this.validRefresh, expires_in: String(this.expiresIn) },
      };
    }
    if (url.pathname === '/v3.0/oa/message/cs' && request.method === 'POST') {
      const token = request.headers.access_token;
      if (typeof token !== 'string' || !this.validAccess.has(token))
        return { status: 200, body: { error: -216, message: 'Access token is invalid' } };
      if (this.failNextSends > 0) {
        this.failNextSends -= 1;
        return { status: 500, body: {} };
      }
      const body = JSON.parse(text) as { recipient?: { user_id?: string }; message?: { text?: string } };
      if (!body.recipient?.user_id || typeof body.message?.text !== 'string')
        return { status: 200, body: { error: -201, message: 'Parameters are invalid' } };
      this.sent.push({ userId: body.recipient.user_id, text: body.message.text, token });
      return {
        status: 200,
        body: {
          error: 0,
          message: 'Success',
          data: { message_id: `m${this.sent.length}`, user_id: body.recipient.user_id },
        },
      };
    }
    return { status: 404, body: { error: 404 } };
  }
}
