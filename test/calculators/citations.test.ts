import { describe, expect, it } from 'vitest';
import { compute, NEEDS } from '../../src/calculators/compute.js';
import { loadCalculatorData } from '../../src/calculators/load-calculator-data.js';
import { CALC_KINDS } from '../../src/calculators/types.js';
import { loadKnowledge } from '../../src/ingest/load-knowledge.js';

const kb = await loadKnowledge('knowledge');
const data = loadCalculatorData('knowledge');
const facts = {
  tenure: { months: 150, days: 3 },
  wage: 30000,
  localAverageWage: 8000,
  weekdayHours: 40,
  restDayHours: 4,
  holidayHours: 2,
  nightOvertimeHours: 2,
  nightHours: 3,
  hourlyWage: 30000,
  untakenDays: 3,
  babies: 2,
  difficultBirth: true,
  contractTerm: 24,
  date: '2025-03-01',
  insuredMonths: 12,
  jobLevel: 'college' as const,
  region: 2 as const,
};

describe('every calculator cites articles that exist in knowledge/statutes and are in force', () => {
  it.each(CALC_KINDS)('%s', (kind) => {
    const r = compute(kind, facts, { vnMinimumWage: data.vnMinimumWage.rows });
    expect(r.citations.length).toBeGreaterThan(0);
    for (const id of r.citations) {
      const p = kb.passages.find((x) => x.id === id);
      expect(p, id).toBeDefined();
      expect(p!.inForce, id).toBe(true);
    }
    const texts = kind.startsWith('cn_') ? data.texts.zh : data.texts.vi;
    expect(texts.formulas[r.formula], `formula ${r.formula}`).toBeDefined();
    expect(texts.titles[kind], `title ${kind}`).toBeDefined();
    for (const c of r.caveats) expect(texts.caveats[c], `caveat ${c}`).toBeDefined();
    for (const need of NEEDS[kind])
      expect(texts.questions[need] ?? texts.questions[`${need}_${kind}`], `question ${need}`).toBeDefined();
  });
});
