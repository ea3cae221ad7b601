import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleHarness, PASSWORD, type ConsoleHarness } from './helpers/console-harness.js';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const SCREENSHOTS = join(process.cwd(), '.cache', 'screenshots');
/** Flags for a closed network: no background traffic, no sandbox (CI runs as root). */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

if (!HAS_CHROMIUM)
  console.warn(`console e2e test skipped: ${CHROMIUM} is missing (install it with: apt-get install -y chromium)`);

describe.skipIf(!HAS_CHROMIUM)('staff console in headless Chromium', () => {
  let h: ConsoleHarness;
  let base: string;
  let context: BrowserContext;
  let page: Page;
  let profile: string;

  const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    h = await createConsoleHarness({ pollMs: 500 });
    // Data for the dashboard: an answer rated helpful, a question without a source, an urgent ticket.
    await h.say('worker-a', '老板拖欠工资怎么办');
    await h.say('worker-a', '1');
    await h.say('worker-b', 'công ty nợ lương 2 tháng');
    await h.say('worker-c', '火星上的劳动法');
    await h.say('worker-d', '我在工地受伤了，老板不管，电话 13812345678');
    await h.dispatcher.drainOnce();
    h.advance(3 * 60_000);
    base = await h.app.listen({ port: 0, host: '127.0.0.1' });
    profile = mkdtempSync(join(tmpdir(), 'gonghui-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 1280, height: 900 },
    });
    page = await context.newPage();
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await h?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('signs in, claims, replies and resolves; the worker gets the reply; the dashboard shows the data', async () => {
    await page.goto(`${base}/console/login?lang=en`);
    await shot('01-login');
    await page.fill('#name', 'bob');
    await page.fill('#password', PASSWORD);
    await page.click('#sign-in');
    await page.waitForURL(`${base}/console/queue`);
    await expect.poll(() => page.locator('#queue-rows tr.urgent').count(), { timeout: 15_000 }).toBe(1);
    // Live updates: a new ticket appears without a reload once the event stream is open.
    await page.locator('#live').waitFor({ state: 'visible' });
    await h.say('worker-e', '我要转人工');
    await expect.poll(() => page.locator('#queue-rows tr.person').count(), { timeout: 15_000 }).toBe(1);
    await shot('02-queue');

    await page.click('#queue-rows tr.urgent a');
    await page.click('#claim');
    await expect(page.locator('#flash').textContent()).resolves.toContain('You have claimed this ticket');
    await expect(page.locator('#owner').textContent()).resolves.toBe('bob');
    // The owner sees the full transcript (and the view is audited).
    await expect(page.locator('#transcript').textContent()).resolves.toContain('13812345678');
    await page.fill('#reply-text', '您好，我们是工会，请告诉我们您受伤的经过。');
    await page.click('#reply-send');
    await expect(page.locator('#flash').textContent()).resolves.toContain('on its way');
    await shot('03-ticket');

    await h.dispatcher.drainOnce();
    await h.dispatcher.drainOnce();
    const toWorker = h.sender.sent.filter((m) => m.conversationId === 'worker-d').map((m) => m.text);
    expect(toWorker.filter((t) => t.includes('请告诉我们您受伤的经过'))).toEqual([
      '【工会工作人员】您好，我们是工会，请告诉我们您受伤的经过。',
    ]);

    h.advance(10 * 60_000);
    await page.click('#resolve');
    await expect(page.locator('#status').textContent()).resolves.toBe('resolved');
    await h.dispatcher.drainOnce();
    expect(
      h.sender.sent.filter((m) => m.conversationId === 'worker-d').some((m) => m.text.includes('已处理完您的问题')),
    ).toBe(true);
    expect((await h.consoleStore.listAudit(100)).some((a) => a.user === 'bob' && a.action === 'transcript.view')).toBe(
      true,
    );

    await page.click('nav.top a[href="/console/dashboard"]');
    await expect
      .poll(() => page.locator('#dashboard svg[role="img"]').count(), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(6);
    // One ticket: claimed 3 minutes and resolved 13 minutes after it was opened (tickets, p50, p90).
    expect(await page.locator('#times tbody tr').nth(0).locator('td').allTextContents()).toEqual(['1', '3', '3']);
    expect(await page.locator('#times tbody tr').nth(1).locator('td').allTextContents()).toEqual(['1', '13', '13']);
    await expect(page.locator('#dashboard').textContent()).resolves.toContain('zh-Hans');
    await shot('04-dashboard');

    await page.click('nav.top a[href="/console/knowledge"]');
    await expect(page.locator('#top-citations').textContent()).resolves.toContain('《劳动合同法》第三十条');
    await expect(page.locator('#no-source').textContent()).resolves.toContain('火星上的劳动法');
    await shot('05-knowledge');
  }, 120_000);

  it('works on a phone screen and in another interface language', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.selectOption('nav.top select[name="lang"]', 'vi');
    await page.waitForURL(`${base}/console/queue`);
    await expect(page.locator('h1').textContent()).resolves.toContain('Yêu cầu đang mở');
    // The table becomes one card per ticket: nothing wider than the screen.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await shot('06-queue-phone-vi');
    await page.goto(`${base}/console/dashboard`);
    const dashOverflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(dashOverflow).toBeLessThanOrEqual(0);
    await shot('07-dashboard-phone-vi');
  }, 60_000);

  it('signs out, and shows a lead the audit log with every full-transcript view', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.click('#sign-out');
    await page.waitForURL(/\/console\/login$/);
    await page.goto(`${base}/console/queue`);
    await page.waitForURL(/\/console\/login$/);
    await page.fill('#name', 'alice');
    await page.fill('#password', PASSWORD);
    await page.click('#sign-in');
    await page.waitForURL(`${base}/console/queue`);
    await page.click('nav.top a[href="/console/audit"]');
    const rows = await page.locator('#audit tbody tr').allTextContents();
    expect(rows.some((r) => r.includes('bob') && r.includes('transcript.view'))).toBe(true);
    expect(rows.some((r) => r.includes('bob') && r.includes('logout'))).toBe(true);
    await shot('08-audit');
  }, 60_000);
});
