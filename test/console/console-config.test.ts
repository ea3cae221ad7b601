import { describe, expect, it } from 'vitest';
import { loadConsoleConfig } from '../../src/console/console-config.js';
import { consoleEventLogOn } from '../../src/console/console-service.js';

describe('console settings', () => {
  it('is off by default, on loopback', () => {
    const c = loadConsoleConfig({});
    expect(c).toMatchObject({
      CONSOLE_ENABLED: 'false',
      CONSOLE_PORT: 3002,
      CONSOLE_HOST: '127.0.0.1',
      CONSOLE_SECURE_COOKIES: 'false',
    });
    expect(consoleEventLogOn(c)).toBe(false);
  });

  it('records events when enabled, or when only the event log is asked for', () => {
    expect(consoleEventLogOn(loadConsoleConfig({ CONSOLE_ENABLED: 'true' }))).toBe(true);
    expect(consoleEventLogOn(loadConsoleConfig({ CONSOLE_EVENT_LOG: 'true' }))).toBe(true);
    expect(consoleEventLogOn(loadConsoleConfig({ CONSOLE_ENABLED: 'true', CONSOLE_EVENT_LOG: 'false' }))).toBe(false);
    // An empty value means "use the default".
    expect(consoleEventLogOn(loadConsoleConfig({ CONSOLE_ENABLED: 'true', CONSOLE_EVENT_LOG: '' }))).toBe(true);
  });

  it('names the variable with a bad value', () => {
    expect(() => loadConsoleConfig({ CONSOLE_PORT: 'eighty' })).toThrow(/CONSOLE_PORT/);
    expect(() => loadConsoleConfig({ CONSOLE_ENABLED: 'yes' })).toThrow(/CONSOLE_ENABLED/);
    expect(() => loadConsoleConfig({ CONSOLE_UTC_OFFSET_MINUTES: '9999' })).toThrow(/CONSOLE_UTC_OFFSET_MINUTES/);
  });
});
