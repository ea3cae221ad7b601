import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createLlmFeatures } from '../../src/create-llm-features.js';
import { createLogger } from '../../src/shared/logger.js';
import { FakeOpenAiServer } from '../helpers/fake-openai-server.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** The ConfigError loadConfig throws for `env` (fails the test when it throws nothing or something else). */
function configErrorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('reads every section with the documented defaults from an empty environment', () => {
    const config = loadConfig({});
    expect(config.app).toMatchObject({
      KNOWLEDGE_DIR: 'knowledge',
      DATA_DIR: 'data',
      INDEX_CACHE_DIR: '.cache/index',
      LOG_LEVEL: 'warn',
    });
    expect(config.serve).toMatchObject({ PORT: 3000, HOST: '127.0.0.1', HTTP_AUTH: 'required' });
    expect(config.database.DATABASE_URL).toBeUndefined();
    expect(config.llm.llm).toBeUndefined();
    expect(config.answerPolicy).toMatchObject({ minAnswerConfidence: 0.12, maxCitations: 3, maxMessageChars: 2000 });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ MAX_CITATIONS: '9' }, 'MAX_CITATIONS'],
    [{ MIN_ANSWER_CONFIDENCE: 'high' }, 'MIN_ANSWER_CONFIDENCE'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ DATABASE_URL: 'mysql://db/x' }, 'DATABASE_URL'],
    [{ DATA_ENCRYPTION_KEY: 'too-short' }, 'DATA_ENCRYPTION_KEY'],
    [{ ANSWER_POLICY_JSON: '{"cardMinConfidence": 2}' }, 'ANSWER_POLICY_JSON'],
    [{ PROMPTS_DIR: 'no/such/prompts' }, 'PROMPTS_DIR'],
    [{ LLM_MODEL: 'qwen' }, 'OPENAI_API_KEY'],
    [{ OPENAI_API_KEY: 'k' }, 'LLM_MODEL'],
  ])('throws a ConfigError naming the bad variable (%j)', (env, variable) => {
    const error = configErrorOf(env);
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
  });

  it('says what is wrong, not only where', () => {
    expect(configErrorOf({ PROMPTS_DIR: 'no/such/prompts' }).message).toMatch(/must be an existing directory/);
    expect(configErrorOf({ ANSWER_POLICY_JSON: '{"cardMinConfidence": 2}' }).message).toMatch(/cardMinConfidence/);
  });

  it('is frozen all the way down', () => {
    const config = loadConfig({ HTTP_CORS_ORIGINS: 'https://a.example,https://b.example' });
    expect(Object.isFrozen(config)).toBe(true);
    for (const section of Object.values(config)) expect(Object.isFrozen(section)).toBe(true);
    expect(Object.isFrozen(config.serve.HTTP_CORS_ORIGINS)).toBe(true);
    // ES modules run in strict mode: writing to a frozen object throws.
    expect(() => {
      (config.answerPolicy as { maxCitations: number }).maxCitations = 5;
    }).toThrow(TypeError);
    expect(() => {
      (config.serve.HTTP_CORS_ORIGINS as string[]).push('https://evil.example');
    }).toThrow(TypeError);
    expect(config.answerPolicy.maxCitations).toBe(3);
  });
});

describe('PROMPTS_DIR', () => {
  it('defaults to the prompts/ folder of the package, as an absolute path (not relative to the cwd)', () => {
    expect(loadConfig({}).app.PROMPTS_DIR).toBe(join(REPO, 'prompts'));
  });

  it('takes a folder from the environment, resolved to an absolute path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'prompts-'));
    expect(loadConfig({ PROMPTS_DIR: dir }).app.PROMPTS_DIR).toBe(resolve(dir));
  });

  describe('is the folder the LLM features read their templates from', () => {
    const server = new FakeOpenAiServer();
    let baseURL = '';
    beforeAll(async () => {
      baseURL = await server.start();
    });
    afterAll(() => server.stop());

    it('renders the follow-up rewrite from the configured folder', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'prompts-'));
      writeFileSync(join(dir, 'rewrite-followup.md'), 'CUSTOM-TEMPLATE-7 {{question}}');
      const config = loadConfig({ OPENAI_BASE_URL: baseURL, LLM_MODEL: 'm', PROMPTS_DIR: dir });
      const kb = { documents: [], passages: [], contentHash: 'none' };
      const features = await createLlmFeatures({
        config: config.llm,
        promptsDir: config.app.PROMPTS_DIR,
        kb,
        logger: createLogger('silent'),
      });
      server.respond({ kind: 'chat', content: JSON.stringify({ question: '加班费怎么算' }) });
      const history = [{ role: 'worker' as const, text: '我每天加班三小时' }];
      expect(await features.rewrite({ question: '那怎么算', lang: 'zh-Hans', history })).toBe('加班费怎么算');
      const sent = JSON.stringify(server.chatRequests().at(-1)?.body);
      expect(sent).toContain('CUSTOM-TEMPLATE-7');
      expect(sent).toContain('那怎么算');
    });
  });
});
