/**
 * `npm run serve`: HTTP API + Slack staff desk + WeChat + WeChat OA / WeCom KF / Zalo, each as configured.
 * Whatever is not configured is off, with one log line saying so.
 */
import { createBot } from './create-bot.js';
import { createService } from './create-service.js';
import { join } from 'node:path';
import { openApiKeyStore } from './channels/http/api-key-store.js';
import { createHttpServer } from './channels/http/http-server.js';
import { createStaffLinks } from './channels/http/staff-links.js';
import { createDeskText } from './channels/slack/desk-texts.js';
import { createChannelTexts } from './channels/platform-common/channel-texts.js';
import { loadSlackConfig } from './channels/slack/slack-config.js';
import { createSlackDesk } from './channels/slack/slack-desk.js';
import { loadWechatConfig } from './channels/wechat/wechat-config.js';
import { createWechatAdapter } from './channels/wechat/wechat-adapter.js';
import {
  loadPlatformChannelsConfig,
  startPlatformChannels,
} from './channels/platform-common/start-platform-channels.js';
import { loadConfig } from './config/load-config.js';
import { openStoreBackend } from './stores/open-store-backend.js';
import { createRetentionJob } from './privacy/retention.js';
import { createOutboxDispatcher } from './conversation/outbox-dispatcher.js';
import type { ChannelName, StaffDesk, WorkerSender } from './conversation/types.js';
import { createProgressReporter } from './cli/progress-bar.js';
import { loadConsoleConfig } from './console/console-config.js';
import { consoleEventLogOn, createConsoleService } from './console/console-service.js';

async function main(): Promise<void> {
  const env = process.env;
  const config = loadConfig(env);
  const { serve, database } = config;
  const slackConfig = loadSlackConfig(env);
  const wechatConfig = loadWechatConfig(env);
  const platformConfig = loadPlatformChannelsConfig(env);
  const consoleConfig = loadConsoleConfig(env);
  const progress = createProgressReporter('gonghui-bot');
  const bot = await createBot({ config, onProgress: (d, t) => progress.update(d, t) });
  progress.stop();
  const log = bot.logger;
  const backend = await openStoreBackend(database, bot.config.DATA_DIR);
  log.warn(
    backend.kind === 'postgres'
      ? 'Stores in PostgreSQL (DATABASE_URL); migrations applied'
      : `Stores in SQLite under ${bot.config.DATA_DIR}`,
  );
  const staffConsole = consoleEventLogOn(consoleConfig)
    ? createConsoleService({
        config: consoleConfig,
        knowledge: bot.knowledge,
        dataDir: bot.config.DATA_DIR,
        logger: log,
        ...(backend.openConsoleStore ? { store: backend.openConsoleStore() } : {}),
      })
    : undefined;
  const service = createService(
    bot,
    serve,
    undefined,
    staffConsole
      ? { observer: staffConsole.observer, feedbackTexts: staffConsole.feedbackTexts, isLead: staffConsole.isLead }
      : {},
    backend,
  );
  const senders = new Map<ChannelName, WorkerSender>([['http', service.mailbox]]);
  // Messages a crash left unanswered are finished before new ones arrive (answers to push channels
  // go through the outbox).
  const recovered = await service.core.recover();
  if (recovered > 0) log.warn(`finished ${recovered} message(s) left unanswered by the last stop`);
  const stops: (() => Promise<void>)[] = [];
  const deskText = createDeskText(bot.knowledge.desk, serve.STAFF_LANGUAGE);
  // Full transcripts stay here: Slack gets a signed, expiring link to this server's page.
  const staffLinks =
    serve.STAFF_BASE_URL && serve.STAFF_LINK_SECRET
      ? createStaffLinks({
          secret: serve.STAFF_LINK_SECRET,
          baseUrl: serve.STAFF_BASE_URL,
          ttlSeconds: serve.STAFF_LINK_TTL_SECONDS,
        })
      : undefined;
  if (!staffLinks)
    log.warn(
      'Staff transcript page off: set STAFF_BASE_URL and STAFF_LINK_SECRET ' +
        '("View full ticket" then says so; the transcript is never sent to Slack)',
    );

  if (serve.HTTP_ENABLED === 'true') {
    const auth =
      serve.HTTP_AUTH === 'required'
        ? {
            keys: backend.openApiKeyStore
              ? await backend.openApiKeyStore()
              : openApiKeyStore(join(bot.config.DATA_DIR, 'api-keys.sqlite')),
            ...(serve.API_TOKEN_SECRET ? { userTokenSecret: serve.API_TOKEN_SECRET } : {}),
            userTokenTtlSeconds: serve.USER_TOKEN_TTL_SECONDS,
          }
        : undefined;
    if (!auth) log.warn('HTTP API without authentication (HTTP_AUTH=off): anyone who reaches it can act as any user');
    const http = createHttpServer({
      core: service.core,
      metrics: service.metrics,
      mailbox: service.mailbox,
      bodyLimit: serve.HTTP_BODY_LIMIT,
      store: service.store,
      ...(auth ? { auth } : {}),
      ...(serve.METRICS_TOKEN ? { metricsToken: serve.METRICS_TOKEN } : {}),
      corsOrigins: serve.HTTP_CORS_ORIGINS,
      ...(staffLinks
        ? {
            transcriptPage: {
              store: service.store,
              links: staffLinks,
              labels: deskText.transcript,
              lang: serve.STAFF_LANGUAGE,
            },
          }
        : {}),
    });
    await http.listen({ port: serve.PORT, host: serve.HOST });
    log.warn(`HTTP API on http://${serve.HOST}:${serve.PORT} (POST /v1/messages, GET /healthz, GET /metrics)`);
    stops.push(() => http.close());
  } else {
    log.warn('HTTP API off (HTTP_ENABLED=false)');
  }

  if (staffConsole && consoleConfig.CONSOLE_ENABLED === 'true') {
    log.warn(`Staff console on ${await staffConsole.listen(service.core, service.store)}/console`);
  } else {
    log.warn(
      staffConsole
        ? 'Staff console off in this process; its event log is on (CONSOLE_EVENT_LOG=true)'
        : 'Staff console off (CONSOLE_ENABLED=false)',
    );
  }
  if (staffConsole) stops.push(() => staffConsole.close());

  let desk: StaffDesk | undefined;
  if (slackConfig) {
    const slack = createSlackDesk({
      ...slackConfig,
      port: service.core,
      logger: log,
      leads: serve.STAFF_LEAD_IDS,
      texts: deskText,
      ...(staffLinks
        ? { transcriptLink: (id: string) => ({ url: staffLinks.transcriptUrl(id), ttlSeconds: staffLinks.ttlSeconds }) }
        : {}),
    });
    await slack.start();
    desk = slack.desk;
    log.warn(
      slackConfig.appToken
        ? 'Slack staff desk on (Socket Mode)'
        : `Slack staff desk on port ${slackConfig.listenPort} (POST /slack/events)`,
    );
    stops.push(() => slack.stop());
  } else {
    log.warn(
      'Slack staff desk off: set SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET and SLACK_CHANNEL_ID; ' +
        'tickets wait in the outbox until then',
    );
  }

  if (wechatConfig) {
    const wechat = createWechatAdapter({ ...wechatConfig, port: service.core, logger: log });
    senders.set('wechat', wechat.sender);
    await wechat.start();
    log.warn('WeChat on; scan the QR code to log in');
    stops.push(() => wechat.stop());
  } else {
    log.warn('WeChat off: set WECHAT_ENABLED=true (and WECHATY_PUPPET) to connect an account');
  }

  // WeChat Official Account, WeCom Customer Service, Zalo OA: each on when configured.
  const platforms = await startPlatformChannels({
    config: platformConfig,
    port: service.core,
    store: service.store,
    texts: createChannelTexts(bot.knowledge.channels),
    dataDir: bot.config.DATA_DIR,
    logger: log,
  });
  for (const [name, sender] of platforms.senders) senders.set(name, sender);
  stops.push(() => platforms.stop());

  const dispatcher = createOutboxDispatcher({
    store: service.store,
    ...(desk ? { desk } : {}),
    senders,
    notices: service.notices,
    reminderMinutes: slackConfig?.reminderMinutes ?? 10,
    metrics: service.metrics,
    logger: log,
  });
  dispatcher.start(1000);
  const retention = createRetentionJob(
    service.store,
    {
      conversationsDays: serve.RETAIN_CONVERSATIONS_DAYS,
      closedTicketsDays: serve.RETAIN_CLOSED_TICKETS_DAYS,
      processedDays: serve.RETAIN_PROCESSED_IDS_DAYS,
    },
    log,
  );
  retention.start();

  const shutdown = async (signal: string) => {
    log.warn(`${signal}: shutting down`);
    retention.stop();
    await dispatcher.stop();
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    await service.store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`gonghui-bot: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
