import type {
  AnswerEngine,
  AskRequest,
  BotAnswer,
  Jurisdiction,
  KnowledgeBase,
  Lang,
  RetrievedRef,
  Retriever,
  ScoredPassage,
  Triage,
} from '../core/types.js';
import { extractFacts, type CalculatorHook, type CalculatorReply } from '../calculators/index.js';
import type { Drafter } from '../drafting/types.js';
import { detectLang } from '../language/detect-lang.js';
import { toSimplified, toTraditional } from '../language/script.js';
import type { Logger } from '../shared/logger.js';
import { citationLabel } from '../citations/citation-label.js';
import type { ChosenSource } from '../citations/chosen-source.js';
import { composeExtractive, hotlineValues, toCitations } from './compose-extractive.js';
import type { HotlineBook } from './hotlines.js';
import { fill, textsFor, type ReplyBook } from './reply-texts.js';
import { resolveJurisdiction } from './resolve-jurisdiction.js';
import { hasWordContent, sanitizeInput } from './sanitize-input.js';
import { classifyScope, type ScopeRules } from './scope-guard.js';
import { selectExcerpt } from './select-excerpt.js';
import { createArticleLookup, verifySources } from '../citations/verify-citations.js';
import type { UrgentReplyBook } from '../escalation/load-urgent-replies.js';
import { planUrgentReply } from '../escalation/urgent-reply.js';
import type { CardStep } from '../cards/card-step.js';
import { DEFAULT_ANSWER_POLICY, type AnswerPolicy } from './answer-policy.js';

/** Decides escalation for a message; see src/escalation. */
export type TriageFn = (text: string, lang: Lang, recentWorkerTurns: readonly string[]) => Triage;

/** Turns a follow-up ("那要怎么申请？") into a standalone question using the history. */
export type RewriteFn = (request: {
  question: string;
  lang: Lang;
  history: NonNullable<AskRequest['history']>;
}) => Promise<string>;

export interface AnswerEngineDeps {
  readonly kb: KnowledgeBase;
  readonly retriever: Retriever;
  readonly triage: TriageFn;
  readonly scope: ScopeRules;
  readonly replies: ReplyBook;
  readonly hotlines: HotlineBook;
  /** Thresholds deciding answer / hand off / refuse and reply size (answer-policy.ts). @default the defaults */
  readonly policy?: AnswerPolicy;
  /** LLM drafter; without it (the embedded default) answers are extractive. */
  readonly drafter?: Drafter;
  readonly rewrite?: RewriteFn;
  readonly logger?: Logger;
  /** Deterministic calculators (src/calculators); without it, amounts are left to the quoted law. */
  readonly calculator?: CalculatorHook;
  /**
   * Crisis care, category first replies and the hand-off reply (src/escalation/urgent-reply.ts);
   * without it urgent cases get the generic prefix.
   */
  readonly urgentReplies?: UrgentReplyBook;
  /** Reviewed answer cards, full text on request, other-country scope notice (src/cards). */
  readonly cards?: CardStep;
}

function toRetrievedRef(hit: ScoredPassage): RetrievedRef {
  const p = hit.passage;
  return {
    passageId: p.id,
    law: p.law,
    ...(p.article === undefined ? {} : { article: p.article }),
    score: Number(hit.score.toFixed(4)),
    confidence: Number(hit.confidence.toFixed(3)),
  };
}

const LEVEL_ORDER = { none: 0, person: 1, urgent: 2 } as const;

function escalation(triage: Triage, extra: readonly string[], floor: 'none' | 'person'): Triage {
  const level = LEVEL_ORDER[triage.level] >= LEVEL_ORDER[floor] ? triage.level : floor;
  return { level, reasons: [...new Set([...triage.reasons, ...extra])] };
}

/**
 * The answer pipeline: clean the text, detect language and jurisdiction,
 * triage, guard the scope, retrieve, verify the sources, then draft (LLM when
 * configured and verified, otherwise extractive). It never throws for bad
 * input: every message gets a reply.
 */
export function createAnswerEngine(deps: AnswerEngineDeps): AnswerEngine {
  const lookup = createArticleLookup(deps.kb.passages);
  const passageIds = new Set(deps.kb.passages.map((p) => p.id));
  const policy = deps.policy ?? DEFAULT_ANSWER_POLICY;
  const maxExcerpt = { zh: policy.excerptCharsZh, vi: policy.excerptCharsVi } as const;

  function finish(
    lang: Lang,
    jurisdiction: Jurisdiction,
    text: string,
    sources: readonly ChosenSource[],
    triage: Triage,
    mode: BotAnswer['mode'],
  ): BotAnswer {
    const citations = toCitations(sources);
    // The reply is in the worker's script: statutes are Simplified, one service text is Traditional.
    const script = lang === 'zh-Hant' ? toTraditional : lang === 'zh-Hans' ? toSimplified : (s: string) => s;
    return {
      language: lang,
      jurisdiction,
      answer: script(text),
      citations: citations.map((c) => ({ ...c, label: script(c.label), excerpt: script(c.excerpt) })),
      escalate: triage.level,
      reasons: triage.reasons,
      ...(triage.signals?.length ? { signals: triage.signals } : {}),
      mode,
    };
  }

  function toChosen(hit: ScoredPassage, query: string): ChosenSource {
    const excerpt = selectExcerpt(
      hit.passage.text,
      query,
      hit.passage.language,
      maxExcerpt[hit.passage.language],
      hit.passage.law,
    );
    return {
      passage: hit.passage,
      label: citationLabel(hit.passage),
      excerpt: excerpt.text,
      bestSentence: excerpt.bestSentence,
      score: hit.score,
    };
  }

  function chooseSources(hits: readonly ScoredPassage[], query: string): ChosenSource[] {
    const top = hits[0];
    if (!top || top.confidence < policy.minAnswerConfidence) return [];
    const chosen: ChosenSource[] = [];
    const minExtraScore = top.score * policy.extraCitationScoreShare;
    const minExtraConfidence = Math.max(
      policy.minAnswerConfidence,
      top.confidence * policy.extraCitationConfidenceShare,
    );
    for (const hit of hits) {
      if (chosen.length >= policy.maxCitations) break;
      // Further articles only when they match nearly as well as the best one: a weak extra citation misleads.
      if (chosen.length > 0 && (hit.confidence < minExtraConfidence || hit.score < minExtraScore)) break;
      chosen.push(toChosen(hit, query));
    }
    return chosen;
  }

  async function ask(request: AskRequest): Promise<BotAnswer> {
    const text = sanitizeInput(request.text ?? '');
    const hint = request.conversationLang;
    const detected = detectLang(text, hint);
    const lang: Lang = detected.lang ?? hint ?? 'zh-Hans';
    const texts = textsFor(deps.replies, lang);
    const defaultJurisdiction: Jurisdiction = lang === 'vi' ? 'VN' : 'CN';
    const none: Triage = { level: 'none', reasons: [] };

    if (!hasWordContent(text)) {
      return finish(
        lang,
        defaultJurisdiction,
        texts.empty,
        [],
        { level: 'none', reasons: ['empty_or_symbols'] },
        'invalid_input',
      );
    }
    if (!detected.lang && !hint) {
      const scope = classifyScope(deps.scope, text, lang);
      if (scope === 'manipulation') {
        return finish(
          lang,
          defaultJurisdiction,
          `${deps.replies.zh.manipulation}\n${deps.replies.vi.manipulation}`,
          [],
          { level: 'none', reasons: ['manipulation'] },
          'refusal',
        );
      }
      const english = deps.cards?.englishScope(text);
      return finish(
        lang,
        defaultJurisdiction,
        english ? `${texts.unknown_language}\n\n${english}` : texts.unknown_language,
        [],
        { level: 'none', reasons: ['unknown_language'] },
        'invalid_input',
      );
    }

    const history = request.history ?? [];
    const recentWorkerTurns = history
      .filter((t) => t.role === 'worker')
      .slice(-3)
      .map((t) => t.text);
    const tooLong = text.length > policy.maxMessageChars;
    // Triage always runs on the whole text: an urgent case hidden in a long message still counts.
    const triage = deps.triage(text, lang, recentWorkerTurns);
    const jurisdiction = resolveJurisdiction(text, lang);
    const hotlines = deps.hotlines[jurisdiction];
    const values = hotlineValues(texts, hotlines, lang);
    const urgentPrefix = triage.level === 'urgent' ? `${fill(texts.urgent_intro, values)}\n\n` : '';
    const personPrefix = triage.level === 'person' ? `${fill(texts.person_intro, values)}\n\n` : '';

    // --- calculators hook (src/calculators): a request for a figure is computed, not retrieved ---
    const calc = deps.calculator?.({ text, lang, jurisdiction, history });
    const calcScript = lang === 'zh-Hant' ? toTraditional : (s: string) => s;
    const calcParts = (reply: CalculatorReply) => ({
      citations: reply.citations.map((c) => ({ ...c, label: calcScript(c.label), excerpt: calcScript(c.excerpt) })),
      memo: reply.memo,
      ...(reply.calculation
        ? {
            calculation: {
              ...reply.calculation,
              formula: calcScript(reply.calculation.formula),
              citations: reply.calculation.citations.map(calcScript),
            },
          }
        : {}),
    });
    // An answer followed by the worker's figure: the calculator's citations are added after the answer's own.
    const withFigure = (answer: BotAnswer, reply: CalculatorReply) => {
      const parts = calcParts(reply);
      const seen = new Set(answer.citations.map((c) => c.passageId));
      return {
        ...answer,
        ...parts,
        citations: [...answer.citations, ...parts.citations.filter((c) => !seen.has(c.passageId))],
      };
    };
    /** The ranked list for --debug-retrieval: `hitsForText` when already at hand, else one retrieval. */
    const debugRetrieved = async (hitsForText?: readonly ScoredPassage[]) =>
      request.debug
        ? {
            retrieved: (hitsForText?.length
              ? hitsForText
              : await deps.retriever.retrieve({ text, jurisdiction, k: 10 })
            ).map(toRetrievedRef),
          }
        : {};
    /** `hitsForText`: the retriever's hits for `text` when already at hand (debug output only). */
    const calcAnswer = async (reply: CalculatorReply, hitsForText?: readonly ScoredPassage[]): Promise<BotAnswer> => ({
      ...finish(
        lang,
        jurisdiction,
        `${urgentPrefix}${personPrefix}${reply.text}`,
        [],
        triage.level === 'none' ? none : triage,
        'extractive',
      ),
      ...calcParts(reply),
      ...(await debugRetrieved(hitsForText)),
    });
    // --- urgent and hand-off first replies (src/escalation/urgent-reply.ts): no retrieval quotes,
    // only the category's own articles, verified.
    const plan = deps.urgentReplies
      ? planUrgentReply(deps.urgentReplies, triage, lang, jurisdiction, (doc, n) => lookup.get(doc, n))
      : null;
    if (plan) {
      // A category reply (never crisis care or the hand-off) also answers the question from a confident card.
      // Retrieval only when a card may answer: its hits raise the card's confidence.
      const cardMayAnswer =
        plan.kind === 'category' &&
        !tooLong &&
        plan.cardsAllowed.topics.length + plan.cardsAllowed.ids.length > 0 &&
        deps.cards !== undefined &&
        !deps.drafter;
      const planHits = cardMayAnswer ? await deps.retriever.retrieve({ text, jurisdiction, k: 10 }) : [];
      const plain =
        planHits.length > 0
          ? deps.cards?.plainAnswer(
              { text, lang, jurisdiction, history, hits: planHits, texts, values },
              plan.cardsAllowed,
            )
          : undefined;
      const chosen = plan.citations.map((c) => toChosen({ passage: c.passage, score: 1, confidence: 1 }, c.focus));
      const planIds = new Set(chosen.map((c) => c.passage.id));
      const cardChosen = (plain?.sources ?? []).filter((s) => !planIds.has(s.passage.id));
      const cited = verifySources([...chosen, ...cardChosen], lookup, passageIds).kept;
      const lines = cited.map((c) => `• ${c.label}${lang === 'vi' ? ': ' : '：'}${c.excerpt}`);
      const answerLines =
        plain && cited.some((c) => plain.sources.some((s) => s.passage.id === c.passage.id)) ? [plain.text] : [];
      const composeUrgent = (sourceLines: readonly string[]) => plan.compose(sourceLines, answerLines);
      const cardInfo = answerLines.length && plain ? { card: plain.card } : {};
      const debugInfo = await debugRetrieved(planHits);
      // A figure the worker asked for (e.g. the injury-report deadline) follows the care and the hotline;
      // never after self-harm.
      const withCalc =
        calc?.calculation && !triage.reasons.includes('self_harm') && !triage.reasons.includes('asked_for_person')
          ? calc
          : undefined;
      if (!withCalc)
        return {
          ...finish(lang, jurisdiction, composeUrgent(lines), cited, triage, 'extractive'),
          ...cardInfo,
          ...debugInfo,
        };
      const urgentWithFigure = finish(
        lang,
        jurisdiction,
        `${composeUrgent(lines)}\n\n${withCalc.text}`,
        cited,
        triage,
        'extractive',
      );
      return { ...withFigure(urgentWithFigure, withCalc), ...cardInfo, ...debugInfo };
    }
    // --- end of urgent and hand-off first replies

    if (tooLong) {
      const reply = `${urgentPrefix}${fill(texts.too_long, { max: String(policy.maxMessageChars) })}`;
      return finish(lang, jurisdiction, reply, [], escalation(triage, ['too_long'], 'none'), 'invalid_input');
    }

    const scope = classifyScope(deps.scope, text, lang);
    if (scope === 'manipulation') {
      return finish(
        lang,
        jurisdiction,
        `${urgentPrefix}${texts.manipulation}`,
        [],
        escalation(triage, ['manipulation'], 'none'),
        'refusal',
      );
    }
    if (scope === 'greeting' && triage.level === 'none') {
      return finish(lang, jurisdiction, texts.greeting, [], { level: 'none', reasons: ['greeting'] }, 'refusal');
    }

    // A worker answering the calculator's question gets the figure; a fresh question may first get its card's rule.
    if (calc && (calc.continued || !deps.cards)) return calcAnswer(calc);
    // --- end calculators hook ---

    const query =
      deps.rewrite && history.length > 0 && !request.offline
        ? await deps.rewrite({ question: text, lang, history })
        : text;
    const hits = await deps.retriever.retrieve({ text: query, jurisdiction, k: 10 });
    const verified = verifySources(chooseSources(hits, query), lookup, passageIds);
    if (verified.dropped.length > 0) {
      deps.logger?.warn(
        { dropped: verified.dropped.map((d) => ({ id: d.source.passage.id, reason: d.reason })) },
        'citations dropped by verification',
      );
    }
    const sources = verified.kept;
    const debugInfo = request.debug ? { retrieved: hits.map(toRetrievedRef) } : {};

    // Answer cards (src/cards): a confident reviewed card, a full-text request or another country's law answers here.
    const carded = deps.cards?.answer({
      text: query,
      lang,
      jurisdiction,
      history,
      hits,
      statuteSources: sources,
      texts,
      values,
      cardsAllowed: !deps.drafter,
      figureFollows: calc?.calculation !== undefined,
      // What the worker already said (contract term, tenure, wage...): a card does not ask for it again.
      knownFacts: () => new Set(Object.keys(extractFacts(text, lang))),
      offTopic: scope === 'unknown',
    });
    if (carded && calc && carded.card) {
      // The reviewed rule first (plain words, the decisive clause), then the worker's own figure or the fact it needs.
      const answer = finish(
        lang,
        jurisdiction,
        `${urgentPrefix}${personPrefix}${carded.text}\n\n${calc.text}`,
        carded.sources,
        escalation(triage, carded.reasons, 'none'),
        carded.mode,
      );
      return { ...withFigure(answer, calc), card: carded.card, ...debugInfo };
    }
    // Debug output lists the hits for the worker's own words: reuse them unless the question was rewritten.
    if (calc) return calcAnswer(calc, query === text ? hits : undefined);
    if (carded) {
      const reply = `${urgentPrefix}${personPrefix}${carded.text}`;
      return {
        ...finish(lang, jurisdiction, reply, carded.sources, escalation(triage, carded.reasons, 'none'), carded.mode),
        ...(carded.card ? { card: carded.card } : {}),
        ...debugInfo,
      };
    }

    // A message with no labor vocabulary needs a strong match before it is treated as a labor question.
    const weakForUnknown = scope === 'unknown' && (hits[0]?.confidence ?? 0) < policy.unknownScopeMinConfidence;
    if ((weakForUnknown || (scope === 'unknown' && sources.length === 0)) && triage.level === 'none') {
      return {
        ...finish(lang, jurisdiction, texts.out_of_scope, [], { level: 'none', reasons: ['out_of_scope'] }, 'refusal'),
        ...debugInfo,
      };
    }
    if (sources.length === 0) {
      const body = triage.level === 'none' ? fill(texts.no_source, values) : `${urgentPrefix}${personPrefix}`.trim();
      return {
        ...finish(lang, jurisdiction, body, [], escalation(triage, ['no_source'], 'person'), 'no_source'),
        ...debugInfo,
      };
    }

    if (deps.drafter && !request.offline) {
      const draftHits = [
        ...sources.map((s) => hits.find((h) => h.passage.id === s.passage.id)!),
        ...hits.filter(
          (h) => !sources.some((s) => s.passage.id === h.passage.id) && h.confidence >= policy.minAnswerConfidence,
        ),
      ].slice(0, policy.draftMaxPassages);
      const outcome = await deps.drafter.draft({
        question: query,
        lang,
        jurisdiction,
        passages: draftHits,
        history,
        hotlines: hotlines.union ? [hotlines.union] : [],
      });
      if (outcome.ok) {
        const cited = outcome.citedPassageIds
          .map((id) => draftHits.find((h) => h.passage.id === id))
          .filter((h): h is ScoredPassage => h !== undefined)
          .map((h) => toChosen(h, query));
        const checked = verifySources(cited, lookup, passageIds).kept;
        if (checked.length === cited.length && checked.length > 0) {
          const numbered = draftHits.map((h, i) => ({ n: i + 1, id: h.passage.id }));
          const sourceLines = checked.map((c) => `[${numbered.find((x) => x.id === c.passage.id)!.n}] ${c.label}`);
          const text = [
            `${urgentPrefix}${personPrefix}${outcome.text}`,
            ...(outcome.clarifyingQuestion ? ['', outcome.clarifyingQuestion] : []),
            '',
            texts.sources_heading,
            ...sourceLines,
            '',
            texts.disclaimer,
          ].join('\n');
          const extra = outcome.needsPerson ? ['llm_needs_person'] : [];
          return {
            ...finish(
              lang,
              jurisdiction,
              text,
              checked,
              escalation(triage, extra, outcome.needsPerson ? 'person' : 'none'),
              'llm',
            ),
            ...debugInfo,
          };
        }
        deps.logger?.warn('llm draft cited an unverifiable source; extractive fallback');
      } else {
        deps.logger?.info({ reason: outcome.reason }, 'llm draft not used; extractive fallback');
      }
    }

    const body = composeExtractive(texts, sources, hotlines, lang);
    return {
      ...finish(
        lang,
        jurisdiction,
        `${urgentPrefix}${personPrefix}${body}`,
        sources,
        triage.level === 'none' ? none : triage,
        'extractive',
      ),
      ...debugInfo,
    };
  }

  return {
    async ask(request) {
      try {
        return await ask(request);
      } catch (error) {
        // Last line of defence: the worker still gets a reply and staff get a case.
        deps.logger?.error({ err: error instanceof Error ? error.message : String(error) }, 'answer pipeline failed');
        const lang = request.conversationLang ?? 'zh-Hans';
        const jurisdiction: Jurisdiction = lang === 'vi' ? 'VN' : 'CN';
        const texts = textsFor(deps.replies, lang);
        const values = hotlineValues(texts, deps.hotlines[jurisdiction], lang);
        return finish(
          lang,
          jurisdiction,
          fill(texts.no_source, values),
          [],
          { level: 'person', reasons: ['internal_error'] },
          'no_source',
        );
      }
    },
  };
}
