import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HttpMailbox } from '../../../src/channels/http/http-mailbox.js';
import { createHttpServer } from '../../../src/channels/http/http-server.js';
import { createStaffLinks } from '../../../src/channels/http/staff-links.js';
import { DESK_TEXT } from '../../../src/channels/slack/desk-texts.js';
import { createConversationCore } from '../../../src/conversation/conversation-core.js';
import { loadNotices } from '../../../src/conversation/notices.js';
import { Metrics } from '../../../src/shared/metrics.js';
import { openSqliteTicketStore } from '../../../src/stores/sqlite-ticket-store.js';
import { FakeAnswerEngine } from '../../helpers/fake-answer-engine.js';

const CHROMIUM = '/usr/bin/chromium';

async function setup(baseUrl = 'http://127.0.0.1') {
  const store = openSqliteTicketStore(join(mkdtempSync(join(tmpdir(), 'page-')), 'db.sqlite'));
  const core = createConversationCore({ engine: new FakeAnswerEngine(), store, notices: loadNotices('knowledge') });
  const { ticketId } = await core.receive({
    channel: 'wechat',
    conversationId: 'c1',
    userId: 'u1',
    messageId: 'm1',
    kind: 'text',
    text: '我受伤了 <script>alert(1)</script> 身份证110101199003078515',
    timestamp: 0,
  });
  const links = createStaffLinks({ secret: 's'.repeat(40), baseUrl, ttlSeconds: 600 });
  const app = createHttpServer({
    core,
    metrics: new Metrics({ processMetrics: false }),
    mailbox: new HttpMailbox(store),
    transcriptPage: { store, links, labels: DESK_TEXT.transcript },
  });
  return { app, links, ticketId: ticketId!, store };
}

describe('staff transcript page', () => {
  it('shows the unmasked transcript for a valid link only, escaped, never cached', async () => {
    const { app, links, ticketId } = await setup();
    const path = new URL(links.transcriptUrl(ticketId)).pathname + new URL(links.transcriptUrl(ticketId)).search;
    const ok = await app.inject({ method: 'GET', url: path });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('110101199003078515');
    expect(ok.body).toContain('&lt;script&gt;');
    expect(ok.body).not.toContain('<script>alert');
    expect(ok.headers['cache-control']).toBe('no-store');
    expect(ok.headers['content-security-policy']).toContain("default-src 'none'");
    const tampered = path.replace(/sig=[^&]+/, 'sig=AAAA');
    expect((await app.inject({ method: 'GET', url: tampered })).statusCode).toBe(403);
    // A link for one ticket does not open another.
    expect(
      (await app.inject({ method: 'GET', url: path.replace(encodeURIComponent(ticketId), 'T-OTHER') })).statusCode,
    ).toBe(403);
    const expired = new URL(links.transcriptUrl(ticketId, Date.now() - 3_600_000));
    const old = await app.inject({ method: 'GET', url: expired.pathname + expired.search });
    expect(old.statusCode).toBe(403);
    expect(old.body).toBe(DESK_TEXT.transcript.expired);
    expect((await app.inject({ method: 'GET', url: `/staff/tickets/${ticketId}` })).statusCode).toBe(403);
  });

  it.skipIf(!existsSync(CHROMIUM))(
    'renders in headless Chromium with the transcript as text and no script run',
    async () => {
      const { app, ticketId } = await setup();
      await app.listen({ port: 0, host: '127.0.0.1' });
      const port = (app.server.address() as AddressInfo).port;
      const real = createStaffLinks({ secret: 's'.repeat(40), baseUrl: `http://127.0.0.1:${port}`, ttlSeconds: 600 });
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
      try {
        const page = await browser.newPage();
        let dialogs = 0;
        page.on('dialog', (d) => {
          dialogs += 1;
          void d.dismiss();
        });
        const res = await page.goto(real.transcriptUrl(ticketId));
        expect(res?.status()).toBe(200);
        const items = await page.locator('#transcript li').allTextContents();
        expect(items[0]).toContain('110101199003078515');
        expect(items[0]).toContain('<script>alert(1)</script>');
        expect(await page.locator('.warning').textContent()).toBe(DESK_TEXT.transcript.warning);
        expect(dialogs).toBe(0);
        const expired = await page.goto(real.transcriptUrl(ticketId, Date.now() - 3_600_000));
        expect(expired?.status()).toBe(403);
      } finally {
        await browser.close();
        await app.close();
      }
    },
    60_000,
  );
});
