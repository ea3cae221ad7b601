import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConsoleHarness, type ConsoleHarness } from './helpers/console-harness.js';
import { InjectSession } from './helpers/browser-session.js';

let h: ConsoleHarness;

beforeEach(async () => {
  h = await createConsoleHarness();
});
afterEach(async () => {
  await h.close();
});

async function urgentTicket(
  user = 'w1',
  text = '我在工地受伤了，身份证 110101199003071234，电话 13812345678',
): Promise<string> {
  await h.say(user, text);
  const [ticket] = await h.core.listOpenTickets();
  if (!ticket) throw new Error('no ticket opened');
  return ticket.id;
}

describe('sign-in', () => {
  it('sends visitors without a session to the sign-in page and refuses their POSTs', async () => {
    const get = await h.app.inject({ method: 'GET', url: '/console/queue' });
    expect(get.statusCode).toBe(303);
    expect(get.headers.location).toBe('/console/login');
    const post = await h.app.inject({
      method: 'POST',
      url: '/console/tickets/T1/claim',
      payload: '_csrf=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(post.statusCode).toBe(401);
  });

  it('sets an HttpOnly, SameSite=Strict session cookie and records the sign-in', async () => {
    const s = new InjectSession(h.app);
    await s.get('/console/login');
    const res = await s.post('/console/login', { name: 'bob', password: 'correct-horse-battery' });
    expect(res.statusCode).toBe(303);
    const cookie = res.cookies.find((c) => c.name === 'gh_console_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    expect((await h.consoleStore.listAudit(10)).map((a) => `${a.user}:${a.action}`)).toContain('bob:login');
  });

  it('rejects a wrong password with 401 and a sign-in without the login form token with 400', async () => {
    const s = new InjectSession(h.app);
    await s.get('/console/login');
    const wrong = await s.post('/console/login', { name: 'bob', password: 'not-the-password' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('用户名或密码错误');
    const forged = await h.app.inject({
      method: 'POST',
      url: '/console/login',
      payload: 'name=bob&password=correct-horse-battery&_csrf=forged',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(forged.statusCode).toBe(400);
    expect(forged.cookies.find((c) => c.name === 'gh_console_session')).toBeUndefined();
    expect((await h.consoleStore.listAudit(10)).map((a) => a.action)).toContain('login_failed');
  });

  it('refuses a POST whose CSRF token does not match the session', async () => {
    const id = await urgentTicket();
    const bob = await InjectSession.signIn(h.app, 'bob');
    const res = await bob.post(`/console/tickets/${id}/claim`, { _csrf: 'forged-token' });
    expect(res.statusCode).toBe(403);
    expect((await h.core.getTicket(id))?.status).toBe('open');
  });

  it('signs out: the old cookie no longer works', async () => {
    const bob = await InjectSession.signIn(h.app, 'bob');
    expect((await bob.post('/console/logout')).statusCode).toBe(303);
    expect((await bob.get('/console/queue')).statusCode).toBe(303);
  });
});

describe('queue and tickets', () => {
  it('lists open tickets urgent first and filters them', async () => {
    await h.say('w2', '我想找人工');
    h.advance(60_000);
    await urgentTicket('w1');
    const bob = await InjectSession.signIn(h.app, 'bob');
    const page = (await bob.get('/console/queue')).body;
    const urgentAt = page.indexOf('class="urgent"');
    const personAt = page.indexOf('class="person"');
    expect(urgentAt).toBeGreaterThan(0);
    expect(personAt).toBeGreaterThan(urgentAt);
    const filtered = (await bob.get('/console/queue/rows?category=person')).body;
    expect(filtered).toContain('class="person"');
    expect(filtered).not.toContain('class="urgent"');
  });

  it('claim, reply and resolve go through the core; the worker gets the reply once through the outbox', async () => {
    const id = await urgentTicket();
    const bob = await InjectSession.signIn(h.app, 'bob');
    expect((await bob.post(`/console/tickets/${id}/claim`)).headers.location).toContain('msg=claimed');
    expect((await h.core.getTicket(id))?.owner).toBe('console:bob');
    expect(
      (await bob.post(`/console/tickets/${id}/reply`, { text: '您好，请把受伤经过告诉我们' })).headers.location,
    ).toContain('msg=replied');
    await h.dispatcher.drainOnce();
    await h.dispatcher.drainOnce();
    const replies = h.sender.sent.filter((m) => m.text.includes('请把受伤经过告诉我们'));
    expect(replies).toEqual([{ conversationId: 'w1', text: '【工会工作人员】您好，请把受伤经过告诉我们' }]);
    expect((await bob.post(`/console/tickets/${id}/resolve`)).headers.location).toContain('msg=resolved');
    await h.dispatcher.drainOnce();
    expect((await h.core.getTicket(id))?.status).toBe('resolved');
    expect((await h.tickets.getConversation('http', 'w1'))?.state).toBe('bot');
    expect(h.sender.sent.filter((m) => m.text.includes('请把受伤经过告诉我们'))).toHaveLength(1);
  });

  it('tells only the clicker that a ticket is already claimed, and keeps one owner', async () => {
    const id = await urgentTicket();
    const bob = await InjectSession.signIn(h.app, 'bob');
    const carol = await InjectSession.signIn(h.app, 'carol');
    await bob.post(`/console/tickets/${id}/claim`);
    const refused = await carol.post(`/console/tickets/${id}/claim`);
    expect(refused.headers.location).toContain('msg=already_claimed');
    const carolView = (await carol.get(refused.headers.location as string)).body;
    expect(carolView).toContain('该工单已由 bob 认领');
    const bobView = (await bob.get(`/console/tickets/${id}`)).body;
    expect(bobView).not.toContain('flash refused');
    expect((await h.core.getTicket(id))?.owner).toBe('console:bob');
  });

  it('lets only the owner or a lead reply to or resolve a claimed ticket', async () => {
    const id = await urgentTicket();
    const bob = await InjectSession.signIn(h.app, 'bob');
    const carol = await InjectSession.signIn(h.app, 'carol');
    const alice = await InjectSession.signIn(h.app, 'alice');
    await bob.post(`/console/tickets/${id}/claim`);
    const carolView = (await carol.get(`/console/tickets/${id}`)).body;
    expect(carolView).toContain('id="not-owner"');
    expect(carolView).not.toContain('id="reply-text"');
    expect((await carol.post(`/console/tickets/${id}/reply`, { text: 'carol here' })).headers.location).toContain(
      'msg=not_owner',
    );
    expect((await carol.post(`/console/tickets/${id}/resolve`)).headers.location).toContain('msg=not_owner');
    expect((await alice.post(`/console/tickets/${id}/reply`, { text: 'lead here' })).headers.location).toContain(
      'msg=replied',
    );
    const ticket = await h.core.getTicket(id);
    expect(ticket?.transcript.map((e) => e.text)).toContain('lead here');
    expect(ticket?.transcript.map((e) => e.text)).not.toContain('carol here');
    expect(ticket?.owner).toBe('console:bob');
  });

  it('shows personal data only to the owner and leads, and audits every full view', async () => {
    const id = await urgentTicket();
    const bob = await InjectSession.signIn(h.app, 'bob');
    const carol = await InjectSession.signIn(h.app, 'carol');
    const alice = await InjectSession.signIn(h.app, 'alice');
    const before = (await carol.get(`/console/tickets/${id}`)).body;
    expect(before).not.toContain('13812345678');
    expect(before).toContain('[手机号]');
    await bob.post(`/console/tickets/${id}/claim`);
    expect((await bob.get(`/console/tickets/${id}`)).body).toContain('13812345678');
    expect((await alice.get(`/console/tickets/${id}`)).body).toContain('110101199003071234');
    expect((await carol.get(`/console/tickets/${id}`)).body).not.toContain('110101199003071234');
    const views = (await h.consoleStore.listAudit(50, id))
      .filter((a) => a.action === 'transcript.view')
      .map((a) => a.user);
    expect(views.sort()).toEqual(['alice', 'bob']);
  });

  it('keeps notes between staff, escaped, and hands a ticket over to a colleague', async () => {
    const id = await urgentTicket();
    const bob = await InjectSession.signIn(h.app, 'bob');
    await bob.post(`/console/tickets/${id}/claim`);
    await bob.post(`/console/tickets/${id}/note`, { text: '<script>alert(1)</script> 已电话联系' });
    const page = (await bob.get(`/console/tickets/${id}`)).body;
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; 已电话联系');
    expect(page).not.toContain('<script>alert(1)');
    expect((await bob.post(`/console/tickets/${id}/handover`, { to: 'carol' })).headers.location).toContain(
      'msg=handed_over',
    );
    expect((await h.core.getTicket(id))?.owner).toBe('console:carol');
    // bob is no longer the owner: carol replies, bob cannot.
    expect((await bob.post(`/console/tickets/${id}/reply`, { text: 'x' })).headers.location).toContain('msg=not_owner');
    const carol = await InjectSession.signIn(h.app, 'carol');
    expect((await carol.post(`/console/tickets/${id}/reply`, { text: '我接手了' })).headers.location).toContain(
      'msg=replied',
    );
  });

  it('sends a double-submitted reply once', async () => {
    const id = await urgentTicket();
    const bob = await InjectSession.signIn(h.app, 'bob');
    await bob.post(`/console/tickets/${id}/reply`, { text: '收到' });
    expect((await bob.post(`/console/tickets/${id}/reply`, { text: '收到' })).headers.location).toContain(
      'msg=replied',
    );
    h.advance(11_000);
    await bob.post(`/console/tickets/${id}/reply`, { text: '收到' });
    await h.dispatcher.drainOnce();
    expect(h.sender.sent.filter((m) => m.text === '【工会工作人员】收到')).toHaveLength(2);
  });

  it('refuses an empty or too long reply', async () => {
    const id = await urgentTicket();
    const bob = await InjectSession.signIn(h.app, 'bob');
    expect((await bob.post(`/console/tickets/${id}/reply`, { text: '   ' })).headers.location).toContain('msg=empty');
    expect((await bob.post(`/console/tickets/${id}/reply`, { text: 'x'.repeat(1801) })).headers.location).toContain(
      'msg=too_long',
    );
    expect((await h.core.getTicket(id))?.status).toBe('open');
  });
});

describe('dashboard, knowledge, audit and language', () => {
  it('renders charts and CSV from the event log, including feedback and time to claim', async () => {
    expect(await h.say('w3', '老板拖欠工资怎么办')).toEqual([
      'answer to: 老板拖欠工资怎么办',
      '有帮助吗？回复 1 有帮助 / 2 没帮助',
    ]);
    expect((await h.say('w3', '1'))[0]).toContain('谢谢您的反馈');
    await h.say('w4', '火星上的劳动法 13812345678');
    const id = await urgentTicket('w5');
    h.advance(5 * 60_000);
    const bob = await InjectSession.signIn(h.app, 'bob');
    await bob.post(`/console/tickets/${id}/claim`);
    const page = (await bob.get('/console/dashboard?days=7')).body;
    expect(page.match(/<svg viewBox/g)?.length).toBeGreaterThanOrEqual(5);
    expect(page).toMatch(/<th scope="row">Time to claim<\/th><td>1<\/td><td>5<\/td><td>5<\/td>/);
    const csv = await bob.get('/console/dashboard.csv?days=7');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('feedback,helpful,,1');
    expect(csv.body).toContain('answer_mode,handed_off,,1');
    expect(csv.body).toContain('tickets_by_category,urgent,,1');
    const knowledge = (await bob.get('/console/knowledge')).body;
    expect(knowledge).toContain('《劳动合同法》第三十条');
    expect(knowledge).toContain('火星上的劳动法 [手机号]');
    expect(knowledge).not.toContain('13812345678');
  });

  it('serves the eval report read-only in a sandbox when it exists', async () => {
    await h.close();
    const report = join(mkdtempSync(join(tmpdir(), 'gonghui-report-')), 'latest.html');
    writeFileSync(report, '<html><body><h1>eval</h1><script>parent.x=1</script></body></html>');
    h = await createConsoleHarness({ evalReport: report });
    const bob = await InjectSession.signIn(h.app, 'bob');
    expect((await bob.get('/console/knowledge')).body).toContain('href="/console/eval-report"');
    const res = await bob.get('/console/eval-report');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toContain('sandbox');
    expect((await bob.post('/console/eval-report')).statusCode).toBe(404);
  });

  it('shows the audit log to leads only', async () => {
    const bob = await InjectSession.signIn(h.app, 'bob');
    const alice = await InjectSession.signIn(h.app, 'alice');
    expect((await bob.get('/console/audit')).statusCode).toBe(403);
    const page = await alice.get('/console/audit');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('login');
  });

  it("speaks each user's language and lets them change it", async () => {
    const carol = await InjectSession.signIn(h.app, 'carol');
    expect((await carol.get('/console/queue')).body).toContain('未结工单');
    await carol.post('/console/settings/lang', { lang: 'vi' });
    expect((await carol.get('/console/queue')).body).toContain('Yêu cầu đang mở');
    const login = await h.app.inject({
      method: 'GET',
      url: '/console/login',
      headers: { 'accept-language': 'zh-TW,zh;q=0.8' },
    });
    expect(login.body).toContain('登入');
  });

  it('sends security headers and serves its own assets', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/console/login' });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    const css = await h.app.inject({ method: 'GET', url: '/console/assets/console.css' });
    expect(css.headers['content-type']).toContain('text/css');
    expect((await h.app.inject({ method: 'GET', url: '/console/assets/console-app.ts' })).statusCode).toBe(404);
  });
});
