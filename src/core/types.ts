/**
 * Domain types shared by every layer. Nothing here knows about WeChat, Slack,
 * HTTP or a particular retrieval engine.
 */

/** The worker's language and script. */
export type Lang = 'zh-Hans' | 'zh-Hant' | 'vi';

/** Which body of law answers the question. */
export type Jurisdiction = 'CN' | 'VN';

/** Language family of a knowledge document (scripts are folded for matching). */
export type DocLanguage = 'zh' | 'vi';

/**
 * One retrievable unit of the knowledge base: a statute article, or a passage
 * of a union-service document.
 */
export interface Passage {
  /** Stable id, e.g. `cn/labor-contract-law#82` or `cn/union-services#p3`. */
  readonly id: string;
  /** Document id, e.g. `cn/labor-contract-law`. */
  readonly docId: string;
  readonly kind: 'article' | 'passage';
  readonly jurisdiction: Jurisdiction;
  readonly language: DocLanguage;
  /** Short title used in citations: `劳动合同法`, `Bộ luật Lao động 2019`, `工会服务指南`. */
  readonly law: string;
  /** Full official title: `中华人民共和国劳动合同法`, `Bộ luật Lao động`. */
  readonly title: string;
  /** Article number as an integer (第八十二条 -> 82, Điều 35 -> 35); absent for passages. */
  readonly article?: number;
  /** Vietnamese article caption ("Quyền đơn phương chấm dứt ...") or passage heading. */
  readonly caption?: string;
  /** Chapter / section headings above the article, outermost first. */
  readonly headings: readonly string[];
  /** Full text of the article or passage (without the 第N条 / Điều N label). */
  readonly text: string;
  /** Numbered clauses or paragraphs of the article, in order. */
  readonly clauses: readonly string[];
  /** False when the manifest says the document is (probably) no longer in force. */
  readonly inForce: boolean;
  /** ISO date the cited version took effect, when known. */
  readonly effectiveDate?: string;
  /** Where the text comes from (manifest source), for attribution. */
  readonly source?: string;
}

/** Metadata of one knowledge document, from its manifest. */
export interface DocumentMeta {
  readonly docId: string;
  readonly jurisdiction: Jurisdiction;
  readonly language: DocLanguage;
  readonly kind: 'statute' | 'service';
  readonly title: string;
  /** Short title, see {@link Passage.law}. */
  readonly law: string;
  /** Other names a worker or lawyer may use for this document (abbreviations, old names). */
  readonly aliases: readonly string[];
  readonly number?: string;
  readonly issuer?: string;
  readonly effectiveDate?: string;
  readonly inForce: boolean;
  readonly statusNote?: string;
  readonly source?: string;
}

/** The whole parsed knowledge base. */
export interface KnowledgeBase {
  readonly documents: readonly DocumentMeta[];
  readonly passages: readonly Passage[];
  /** sha256 over every file under knowledge/ that shapes the index. */
  readonly contentHash: string;
}

/** A passage found for a question, with its fused relevance score. */
export interface ScoredPassage {
  readonly passage: Passage;
  /** Fused score, higher is better; comparable only within one result list. */
  readonly score: number;
  /** Confidence in [0, 1] that this passage is on-topic (used for "unsure" hand-off). */
  readonly confidence: number;
}

/** What the retriever is asked. */
export interface RetrievalQuery {
  readonly text: string;
  readonly jurisdiction: Jurisdiction;
  /** How many passages to return. @default 10 */
  readonly k?: number;
}

/** Finds passages for a question. */
export interface Retriever {
  readonly name: string;
  retrieve(query: RetrievalQuery): Promise<ScoredPassage[]>;
}

/** Triage decision for a message. */
export type EscalationLevel = 'urgent' | 'person' | 'none';

export interface Triage {
  readonly level: EscalationLevel;
  /** Machine-readable reasons, e.g. `injury`, `self_harm`, `asked_for_person`, `low_confidence`. */
  readonly reasons: readonly string[];
  /** Words that raised an urgent alarm (for staff; see src/escalation). */
  readonly signals?: readonly string[];
}

/** One citation as it appears in an answer. */
export interface Citation {
  /** Short law title (`劳动合同法`), or the service document's title. */
  readonly law: string;
  /** Article number; absent for union-service passages. */
  readonly article?: number;
  /** Full title of the document. */
  readonly title: string;
  /** Quoted text. */
  readonly excerpt: string;
  readonly score: number;
  /** Passage id in the knowledge base. */
  readonly passageId: string;
  /** Human label in the answer's language: `《劳动合同法》第八十二条`, `Điều 35 Bộ luật Lao động 2019`. */
  readonly label: string;
}

/** A complete answer for a worker, channel-free. */
export interface BotAnswer {
  readonly language: Lang;
  readonly jurisdiction: Jurisdiction;
  /** The reply text, in the worker's language and script. */
  readonly answer: string;
  readonly citations: readonly Citation[];
  readonly escalate: EscalationLevel;
  readonly reasons: readonly string[];
  /** Danger signals triage found, for the staff ticket (see src/escalation). */
  readonly signals?: readonly string[];
  /** How the text was produced. */
  readonly mode: 'extractive' | 'llm' | 'refusal' | 'no_source' | 'invalid_input';
  /** Ranked retrieval list, only when the request asked for `debug`. */
  readonly retrieved?: readonly RetrievedRef[];
  /**
   * Machine state that must follow the conversation (the calculator's pending
   * question and facts): the core keeps it in the history turn, channels never show it.
   */
  readonly memo?: string;
  /** A deterministic calculation shown in the answer (src/calculators), when one was made. */
  readonly calculation?: {
    readonly kind: string;
    readonly inputs: Readonly<Record<string, number | string | boolean>>;
    readonly result: number | string;
    readonly unit: string;
    readonly formula: string;
    readonly citations: readonly string[];
  };
  /** The reviewed answer card the reply came from, with the match confidence (src/cards). */
  readonly card?: { readonly id: string; readonly confidence: number };
}

/** A previous turn, for follow-up questions. */
export interface HistoryTurn {
  readonly role: 'worker' | 'bot';
  readonly text: string;
}

/** Input of the answer pipeline. */
export interface AskRequest {
  readonly text: string;
  /** Earlier turns of this conversation, oldest first. */
  readonly history?: readonly HistoryTurn[];
  /** Language of the conversation so far, used when the message itself is ambiguous. */
  readonly conversationLang?: Lang;
  /** Also return the ranked retrieval list (for evals). */
  readonly debug?: boolean;
  /** Answer without the LLM (urgent cases: the hotline and the ticket must not wait for a model). */
  readonly offline?: boolean;
}

/** One ranked retrieval hit, reported in debug mode. */
export interface RetrievedRef {
  readonly passageId: string;
  readonly law: string;
  readonly article?: number;
  readonly score: number;
  readonly confidence: number;
}

/** The answer pipeline as the conversation core sees it. */
export interface AnswerEngine {
  ask(request: AskRequest): Promise<BotAnswer>;
}
