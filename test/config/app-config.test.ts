import { describe, expect, it } from 'vitest';
import { loadAppConfig } from '../../src/config/app-config.js';
import { ConfigError } from '../../src/config/config-error.js';

describe('loadAppConfig EXTRA_LAWS_DIR', () => {
  it('is unset by default (no extra laws)', () => {
    expect(loadAppConfig({}).EXTRA_LAWS_DIR).toBeUndefined();
    expect(loadAppConfig({ EXTRA_LAWS_DIR: '' }).EXTRA_LAWS_DIR).toBeUndefined();
  });

  it('accepts an existing directory', () => {
    expect(loadAppConfig({ EXTRA_LAWS_DIR: 'test/fixtures/extra-laws' }).EXTRA_LAWS_DIR).toBe(
      'test/fixtures/extra-laws',
    );
  });

  it('rejects a missing directory or a file, naming the variable', () => {
    expect(() => loadAppConfig({ EXTRA_LAWS_DIR: 'no/such/laws' })).toThrow(ConfigError);
    expect(() => loadAppConfig({ EXTRA_LAWS_DIR: 'no/such/laws' })).toThrow(
      'Invalid environment variable EXTRA_LAWS_DIR: must be an existing directory',
    );
    expect(() => loadAppConfig({ EXTRA_LAWS_DIR: 'package.json' })).toThrow('EXTRA_LAWS_DIR');
  });
});
