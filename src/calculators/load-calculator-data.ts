import { loadCalculators, type CalcTexts, type CalculatorData } from '../knowledge/load-calculators.js';

export type { CalcTexts, CalculatorData };

/** Loads and validates knowledge/calculators/*.json (schemas in src/knowledge/load-calculators.ts). */
export function loadCalculatorData(knowledgeDir: string): CalculatorData {
  return loadCalculators(knowledgeDir);
}
