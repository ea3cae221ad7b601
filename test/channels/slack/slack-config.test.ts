import { describe, expect, it } from 'vitest';
import { loadSlackConfig } from '../../../src/channels/slack/slack-config.js';

const HTTP = {
  SLACK_BOT_TOKEN: 'xoxb-1-2-abc',
  SLACK_SIGNING_SECRET: '8f742231b10e8888abcd99yyyzzz85a5',
  SLACK_CHANNEL_ID: 'C0123ABCD',
};

describe('loadSlackConfig', () => {
  it('is undefined when no Slack variable is set (empty counts as unset)', () => {
    expect(loadSlackConfig({})).toBeUndefined();
    expect(loadSlackConfig({ SLACK_BOT_TOKEN: '', SLACK_PORT: '4000' })).toBeUndefined();
  });

  it('reads an HTTP configuration with defaults', () => {
    expect(loadSlackConfig(HTTP)).toEqual({
      botToken: HTTP.SLACK_BOT_TOKEN,
      signingSecret: HTTP.SLACK_SIGNING_SECRET,
      channel: 'C0123ABCD',
      listenPort: 3001,
      listenHost: '127.0.0.1',
      apiTimeoutMs: 10_000,
      reminderMinutes: 10,
    });
    expect(loadSlackConfig({ ...HTTP, SLACK_HOST: '0.0.0.0', SLACK_API_URL: 'http://127.0.0.1:9/api/' })).toMatchObject(
      { listenHost: '0.0.0.0', slackApiUrl: 'http://127.0.0.1:9/api/' },
    );
    expect(() => loadSlackConfig({ ...HTTP, SLACK_API_URL: 'not a url' })).toThrow(/SLACK_API_URL/);
    expect(loadSlackConfig({ ...HTTP, SLACK_PORT: '4000', URGENT_REMINDER_MINUTES: '5' })).toMatchObject({
      listenPort: 4000,
      reminderMinutes: 5,
    });
  });

  it('does not need the signing secret in Socket Mode', () => {
    expect(
      loadSlackConfig({
        SLACK_BOT_TOKEN: HTTP.SLACK_BOT_TOKEN,
        SLACK_APP_TOKEN: 'xapp-1-A1-abc',
        SLACK_CHANNEL_ID: 'C0123ABCD',
      }),
    ).toMatchObject({ appToken: 'xapp-1-A1-abc' });
  });

  it('fails fast naming the missing variable when half-configured', () => {
    expect(() => loadSlackConfig({ SLACK_BOT_TOKEN: HTTP.SLACK_BOT_TOKEN })).toThrow(
      /SLACK_SIGNING_SECRET must be set/,
    );
    expect(() =>
      loadSlackConfig({ SLACK_SIGNING_SECRET: HTTP.SLACK_SIGNING_SECRET, SLACK_CHANNEL_ID: 'C0123ABCD' }),
    ).toThrow(/SLACK_BOT_TOKEN must be set/);
    expect(() =>
      loadSlackConfig({ SLACK_BOT_TOKEN: HTTP.SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET: HTTP.SLACK_SIGNING_SECRET }),
    ).toThrow(/SLACK_CHANNEL_ID must be set/);
    expect(() => loadSlackConfig({ SLACK_APP_TOKEN: 'xapp-1', SLACK_BOT_TOKEN: HTTP.SLACK_BOT_TOKEN })).toThrow(
      /SLACK_CHANNEL_ID must be set to use the Slack staff desk \(Socket Mode\)/,
    );
  });

  it('rejects malformed values naming the variable', () => {
    expect(() => loadSlackConfig({ ...HTTP, SLACK_BOT_TOKEN: 'xoxp-user-token' })).toThrow(/SLACK_BOT_TOKEN/);
    expect(() => loadSlackConfig({ ...HTTP, SLACK_CHANNEL_ID: '#union-desk' })).toThrow(/SLACK_CHANNEL_ID/);
    expect(() => loadSlackConfig({ ...HTTP, SLACK_APP_TOKEN: 'xoxb-wrong' })).toThrow(/SLACK_APP_TOKEN/);
    expect(() => loadSlackConfig({ ...HTTP, URGENT_REMINDER_MINUTES: '0' })).toThrow(/URGENT_REMINDER_MINUTES/);
  });
});
