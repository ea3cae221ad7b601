import type { IncomingMessage } from 'node:http';
import { JsonRouteServer, readBody } from './json-route-server.js';

export interface KfQueuedMessage {
  readonly msgid: string;
  readonly open_kfid: string;
  readonly external_userid: string;
  readonly send_time: number;
  readonly origin: number;
  readonly msgtype: string;
  readonly text?: { content: string };
  readonly event?: Record<string, string | number>;
}

/**
 * A local stand-in for qyapi.weixin.qq.com's 微信客服 API: `gettoken`,
 * `kf/sync_msg` (numbered cursor over a message log, `page` messages per
 * call), `kf/send_msg` (refused with 95018 unless the session is new or with
 * the bot), `kf/send_msg_on_event`, `kf/service_state/trans`.
 */
export class FakeWecomKfServer {
  readonly log: KfQueuedMessage[] = [];
  readonly sent: { touser: string; open_kfid: string; content: string }[] = [];
  readonly welcomes: { code: string; content: string }[] = [];
  readonly transitions: { external_userid: string; service_state: number; servicer_userid?: string }[] = [];
  readonly syncRequests: { cursor?: string; token?: string; open_kfid: string }[] = [];
  readonly states = new Map<string, number>();
  tokenRequests = 0;
  failNextSends = 0;
  /** Messages returned per sync_msg call. */
  page = 1000;
  private readonly valid = new Set<string>();
  private readonly expired = new Set<string>();
  private readonly http = new JsonRouteServer((request) => this.route(request));
  baseUrl = '';
  private seq = 0;

  constructor(
    private readonly corpId: string,
    private readonly secret: string,
  ) {}

  /** A WeChat user writes to the customer-service account. */
  customerText(openKfId: string, externalUserId: string, content: string): KfQueuedMessage {
    this.seq += 1;
    const m = {
      msgid: `MSG${this.seq}`,
      open_kfid: openKfId,
      external_userid: externalUserId,
      send_time: 1_764_471_600 + this.seq,
      origin: 3,
      msgtype: 'text',
      text: { content },
    };
    this.log.push(m);
    return m;
  }

  customerMessage(openKfId: string, externalUserId: string, msgtype: string): void {
    this.seq += 1;
    this.log.push({
      msgid: `MSG${this.seq}`,
      open_kfid: openKfId,
      external_userid: externalUserId,
      send_time: 1_764_471_600 + this.seq,
      origin: 3,
      msgtype,
    });
  }

  /** A WeChat user opens the chat: an enter_session event with a welcome code. */
  enterSession(openKfId: string, externalUserId: string): string {
    this.seq += 1;
    const code = `WELCOME${this.seq}`;
    this.log.push({
      msgid: `EVT${this.seq}`,
      open_kfid: openKfId,
      external_userid: externalUserId,
      send_time: 1_764_471_600 + this.seq,
      origin: 4,
      msgtype: 'event',
      event: { event_type: 'enter_session', open_kfid: openKfId, external_userid: externalUserId, welcome_code: code },
    });
    return code;
  }

  /** Delivers a message again (as after a lost cursor). */
  redeliver(message: KfQueuedMessage): void {
    this.log.push(message);
  }

  expireTokens(): void {
    for (const t of this.valid) this.expired.add(t);
    this.valid.clear();
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
    if (url.pathname === '/cgi-bin/gettoken') {
      if (url.searchParams.get('corpid') !== this.corpId || url.searchParams.get('corpsecret') !== this.secret)
        return { status: 200, body: { errcode: 40001, errmsg: 'invalid credential' } };
      this.tokenRequests += 1;
      const token = `KFTOKEN-${this.tokenRequests}`;
      this.valid.add(token);
      return { status: 200, body: { errcode: 0, errmsg: 'ok', access_token: token, expires_in: 7200 } };
    }
    const token = url.searchParams.get('access_token') ?? '';
    const body = JSON.parse(await readBody(request)) as Record<string, unknown>;
    if (this.expired.has(token)) return { status: 200, body: { errcode: 42001, errmsg: 'access_token expired' } };
    if (!this.valid.has(token)) return { status: 200, body: { errcode: 40014, errmsg: 'invalid access_token' } };
    switch (url.pathname) {
      case '/cgi-bin/kf/sync_msg': {
        const cursor = typeof body.cursor === 'string' ? body.cursor : undefined;
        this.syncRequests.push({
          open_kfid: String(body.open_kfid),
          ...(cursor ? { cursor } : {}),
          ...(typeof body.token === 'string' ? { token: body.token } : {}),
        });
        const from = cursor ? Number(cursor.replace('C', '')) : 0;
        const list = this.log.slice(from, from + this.page);
        const next = from + list.length;
        return {
          status: 200,
          body: {
            errcode: 0,
            errmsg: 'ok',
            next_cursor: `C${next}`,
            has_more: next < this.log.length ? 1 : 0,
            msg_list: list,
          },
        };
      }
      case '/cgi-bin/kf/send_msg': {
        if (this.failNextSends > 0) {
          this.failNextSends -= 1;
          return { status: 502, body: {} };
        }
        const touser = String(body.touser);
        const state = this.states.get(touser) ?? 0;
        if (state !== 0 && state !== 1)
          return { status: 200, body: { errcode: 95018, errmsg: 'send msg session status invalid' } };
        this.sent.push({
          touser,
          open_kfid: String(body.open_kfid),
          content: String((body.text as { content?: string } | undefined)?.content),
        });
        return { status: 200, body: { errcode: 0, errmsg: 'ok', msgid: `OUT${this.sent.length}` } };
      }
      case '/cgi-bin/kf/send_msg_on_event':
        this.welcomes.push({
          code: String(body.code),
          content: String((body.text as { content?: string } | undefined)?.content),
        });
        return { status: 200, body: { errcode: 0, errmsg: 'ok', msgid: `W${this.welcomes.length}` } };
      case '/cgi-bin/kf/service_state/trans': {
        const state = Number(body.service_state);
        if (state === 3 && typeof body.servicer_userid !== 'string')
          return { status: 200, body: { errcode: 95014, errmsg: 'servicer required' } };
        this.states.set(String(body.external_userid), state);
        this.transitions.push({
          external_userid: String(body.external_userid),
          service_state: state,
          ...(typeof body.servicer_userid === 'string' ? { servicer_userid: body.servicer_userid } : {}),
        });
        return { status: 200, body: { errcode: 0, errmsg: 'ok' } };
      }
      default:
        return { status: 404, body: { errcode: 404 } };
    }
  }
}
