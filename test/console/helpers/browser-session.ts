import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { PASSWORD } from './console-harness.js';

/** Cookie jar + CSRF token for one signed-in user, over fastify's inject (no network). */
export class InjectSession {
  private cookies = new Map<string, string>();
  csrf = '';

  constructor(private readonly app: FastifyInstance) {}

  private remember(res: LightMyRequestResponse): void {
    for (const c of res.cookies) {
      if (
        c.value === '' ||
        (c.maxAge !== undefined && c.maxAge <= 0) ||
        (c.expires && c.expires.getTime() < Date.now())
      )
        this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
    if (token) this.csrf = token;
  }

  /** The Cookie header this session sends. */
  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader } });
    this.remember(res);
    return res;
  }

  /** POSTs a form with the current CSRF token unless `_csrf` is given. */
  async post(url: string, form: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams({ _csrf: this.csrf, ...form }).toString();
    const res = await this.app.inject({
      method: 'POST',
      url,
      payload: body,
      headers: { cookie: this.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
    });
    this.remember(res);
    return res;
  }

  static async signIn(app: FastifyInstance, name: string, password = PASSWORD): Promise<InjectSession> {
    const s = new InjectSession(app);
    await s.get('/console/login');
    const res = await s.post('/console/login', { name, password });
    if (res.statusCode !== 303) throw new Error(`sign-in of ${name} failed: ${res.statusCode}`);
    await s.get('/console/queue');
    return s;
  }
}
