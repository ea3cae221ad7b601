export {
  createCalculatorHook,
  type CalculatorHook,
  type CalculatorReply,
  type CalculationJson,
} from './calculator-hook.js';
export { loadCalculatorData, type CalculatorData } from './load-calculator-data.js';
export { extractFacts, type Facts } from './parse/extract-facts.js';
