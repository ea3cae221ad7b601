import type { Citation, HistoryTurn, Jurisdiction, Lang, Passage } from '../core/types.js';
import { citationLabel } from '../citations/citation-label.js';
import { compute, missingFact, NEEDS, SHOWN, type NeededFact } from './compute.js';
import { createKindDetector } from './detect-kind.js';
import type { CalculatorData } from './load-calculator-data.js';
import { extractFacts, type FactName, type Facts } from './parse/extract-facts.js';
import { formulaLine, knownLine, questionText, renderResult } from './render.js';
import { decodeState, encodeState } from './state-marker.js';
import type { CalcKind, CalcResult } from './types.js';

/** What the answer pipeline gets back when a calculator takes the message. */
export interface CalculatorReply {
  /** Reply text in Simplified Chinese or Vietnamese (the pipeline converts to Traditional). */
  readonly text: string;
  readonly citations: readonly Citation[];
  /** Present when a figure was computed; absent when the bot asks for a missing fact. */
  readonly calculation?: CalculationJson;
  /** The calculator's state marker: kept in the conversation history, never shown to the worker. */
  readonly memo: string;
  /** True when this message continues the calculator's previous question (an answer or a correction). */
  readonly continued: boolean;
}

/** The `calculation` field of a bot answer and of `npm run ask -- --json`. */
export interface CalculationJson {
  readonly kind: CalcKind;
  readonly inputs: CalcResult['inputs'];
  readonly result: number | string;
  readonly unit: CalcResult['unit'];
  /** The formula line with the inputs, in the worker's language. */
  readonly formula: string;
  readonly citations: readonly string[];
}

export interface CalculatorRequest {
  readonly text: string;
  readonly lang: Lang;
  readonly jurisdiction: Jurisdiction;
  readonly history: readonly HistoryTurn[];
}

/** The local average wage from the union's table when the message names a listed city. */
function tableAverage(text: string, data: CalculatorData): number | undefined {
  const row = data.cnAverageWages.find((r) => [r.region, ...r.aliases].some((name) => text.includes(name)));
  return row?.monthly_average;
}

const HOUR_KEYS = ['weekdayHours', 'restDayHours', 'holidayHours', 'nightOvertimeHours', 'nightHours'];

/**
 * A calculation starts or continues only with a fact it uses (an answer, a correction, or one that
 * changes the figure).
 */
function usesAny(kind: CalcKind, facts: Facts): boolean {
  const needs: readonly string[] = NEEDS[kind];
  const shown: readonly string[] = SHOWN[kind];
  return Object.keys(facts).some(
    (k) => needs.includes(k) || shown.includes(k) || (needs.includes('hours') && HOUR_KEYS.includes(k)),
  );
}

function merge(base: Facts, update: Facts): Facts {
  const out: Facts = { ...base };
  for (const [k, v] of Object.entries(update)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

/**
 * The calculators as one step of the answer pipeline: decides whether a
 * message asks for a figure (or answers the calculator's last question),
 * gathers the facts from this message and the state in the bot's previous
 * turn, asks for the next missing fact, or computes and shows the working.
 * Returns undefined when the message is not for a calculator.
 */
export function createCalculatorHook(data: CalculatorData, passages: readonly Passage[]) {
  const byId = new Map(passages.map((p) => [p.id, p]));
  const detector = createKindDetector(data.intents);

  function citationsOf(ids: readonly string[]): Citation[] {
    return ids.flatMap((id) => {
      const p = byId.get(id);
      if (!p || !p.inForce) return [];
      return [
        {
          law: p.law,
          ...(p.article === undefined ? {} : { article: p.article }),
          title: p.title,
          excerpt: p.text.slice(0, 200),
          score: 1,
          passageId: p.id,
          label: citationLabel(p),
        },
      ];
    });
  }

  return function calculate(req: CalculatorRequest): CalculatorReply | undefined {
    const lastBot = [...req.history].reverse().find((t) => t.role === 'bot');
    const prev = lastBot ? decodeState(lastBot.text) : undefined;
    const named = detector.kind(req.text, req.lang, req.jurisdiction);
    const expecting: FactName | undefined =
      prev?.asked && prev.asked !== ('hours' as string)
        ? prev.asked
        : prev?.asked === ('hours' as string)
          ? 'weekdayHours'
          : undefined;
    const fresh = extractFacts(req.text, req.lang, named && named !== prev?.kind ? undefined : expecting);
    const average = req.lang === 'vi' ? undefined : tableAverage(req.text, data);
    if (average !== undefined && fresh.localAverageWage === undefined) fresh.localAverageWage = average;
    const gotFacts = Object.keys(fresh).length > 0;

    let kind: CalcKind;
    let facts: Facts;
    if (named && (!prev || named !== prev.kind)) {
      if (prev && !prev.kind.startsWith(named.slice(0, 3))) return undefined;
      // A rule question without any fact of the worker's own ("经济补偿怎么算") is answered from the law by
      // retrieval; the calculator starts once the message carries a fact it needs, or needs none.
      const asksAmount = detector.asksAmount(req.text, req.lang);
      // "这合法吗" and long case stories are questions about the law, not requests for a figure.
      if (!asksAmount && (detector.asksLegality(req.text, req.lang) || req.text.length > 200)) return undefined;
      const needsSome = usesAny(named, merge(prev?.facts ?? {}, fresh));
      const needsNothing = missingFact(named, {}) === undefined;
      if (!needsSome && !(needsNothing && asksAmount)) return undefined;
      kind = named;
      // Facts already given for another calculator (tenure, wage) carry over: "那违法辞退呢？".
      facts = merge(prev?.facts ?? {}, fresh);
    } else if (prev && (named === prev.kind || (gotFacts && usesAny(prev.kind, fresh)))) {
      kind = prev.kind;
      facts = merge(prev.facts, fresh);
    } else {
      return undefined;
    }
    if (!kind.startsWith(req.jurisdiction === 'CN' ? 'cn_' : 'vn_')) return undefined;

    const t = req.lang === 'vi' ? data.texts.vi : data.texts.zh;
    const title = t.titles[kind] ?? kind;
    const head = req.lang === 'vi' ? `[${title}]` : `【${title}】`;
    const missing: NeededFact | undefined = missingFact(kind, facts);
    if (missing) {
      const known = knownLine(facts, t, req.lang, SHOWN[kind]);
      const rule = t.rules[kind];
      const text = [head, ...(rule ? [rule] : []), ...(known ? [known] : []), questionText(kind, missing, t)].join(
        '\n',
      );
      return {
        text,
        citations: [],
        memo: encodeState({ kind, facts, asked: missing as FactName }),
        continued: prev !== undefined,
      };
    }
    let result: CalcResult;
    try {
      result = compute(kind, facts, { vnMinimumWage: data.vnMinimumWage.rows });
    } catch {
      // A fact the parser let through but no calculation can use (e.g. 0 babies): answer from the law instead.
      return undefined;
    }
    const citations = citationsOf(result.citations);
    const text = [
      head,
      ...renderResult(
        result,
        facts,
        t,
        req.lang,
        citations.map((c) => c.label),
        SHOWN[kind],
      ),
    ].join('\n');
    return {
      text,
      citations,
      memo: encodeState({ kind, facts }),
      continued: prev !== undefined,
      calculation: {
        kind: result.kind,
        inputs: result.inputs,
        result: result.result,
        unit: result.unit,
        formula: formulaLine(result, t, req.lang),
        citations: citations.map((c) => c.label),
      },
    };
  };
}

export type CalculatorHook = ReturnType<typeof createCalculatorHook>;
