import { describe, expect, it } from 'vitest';
import { createActorGuard } from '../../src/cards/actor-guard.js';
import { loadCards } from '../../src/cards/load-cards.js';
import { loadCardReaderTables } from '../../src/knowledge/load-cards.js';

describe('actor guard', () => {
  const guard = createActorGuard([
    { id: 'employer', cues: ['辞退', '裁员'], unless: ['辞职'], demote: ['cn-resign-notice'] },
  ]);

  it("demotes the worker's own resignation card when the employer ends the job", () => {
    expect(guard('公司要裁員二十幾個人，要提前多久講', 'zh-Hant', 'cn-resign-notice')).toBe(0.5);
    expect(guard('公司要裁员，要提前多久通知', 'zh-Hans', 'cn-mass-layoff')).toBe(1);
  });

  it('leaves a question that names both sides, and Vietnamese, alone', () => {
    expect(guard('被辞退前我想先辞职，要提前多久', 'zh-Hans', 'cn-resign-notice')).toBe(1);
    expect(guard('cong ty cat giam, phai bao truoc bao lau', 'vi', 'cn-resign-notice')).toBe(1);
  });

  it('loads the reviewed cues, which name existing cards only', () => {
    const ids = new Set(loadCards('knowledge').cards.map((c) => c.id));
    const reviewed = createActorGuard(loadCardReaderTables('knowledge', ids).actorCues);
    expect(reviewed('公司说我不能胜任要辞退我，要提前通知吗', 'zh-Hans', 'cn-resign-notice')).toBe(0.5);
    expect(() => loadCardReaderTables('knowledge', new Set())).toThrow(/unknown card/);
  });
});
