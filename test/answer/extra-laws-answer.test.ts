import { beforeAll, describe, expect, it } from 'vitest';
import { createBot, type Bot } from '../../src/create-bot.js';
import { sharedIndexEnv } from '../helpers/shared-index.js';

let bot: Bot;

beforeAll(async () => {
  bot = await createBot({ env: await sharedIndexEnv('extra-laws') });
}, 120_000);

describe('answer pipeline with EXTRA_LAWS_DIR', () => {
  it('answers a consumer refund question citing the extra consumer law', async () => {
    const a = await bot.engine.ask({ text: '网上买的东西收到后不想要了，七日内可以无理由退货吗' });
    expect(a.mode).toBe('extractive');
    expect(a.citations[0]).toMatchObject({
      passageId: 'cn-extra/消费者权益保护法#25',
      label: '《消费者权益保护法》第二十五条',
    });
    expect(a.answer).toContain('七日内退货，且无需说明理由');
  });

  it('answers a labor contract question from the labor contract law first', async () => {
    const a = await bot.engine.ask({ text: '公司不履行劳动合同约定，要承担什么责任' });
    expect(a.citations[0]?.passageId).toMatch(/^cn\/labor-contract-law#/);
  });
});
