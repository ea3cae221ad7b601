import { z } from 'zod';

/**
 * Every threshold that decides whether the bot answers, hands off or refuses,
 * whether a reviewed card or the statute path answers, and how big a reply
 * gets. One place, documented in docs/answer-policy.md; the defaults are the
 * values the eval figures were measured with. Set through the environment
 * (src/config/load-answer-policy.ts): ANSWER_POLICY_JSON for any field, and
 * the older variables MIN_ANSWER_CONFIDENCE, MAX_CITATIONS, MAX_MESSAGE_CHARS.
 */
export const answerPolicySchema = z
  .object({
    // --- Answer or hand off (statute path) ---
    /** Below this retrieval confidence of the best hit the bot does not answer from the law: it hands off. */
    minAnswerConfidence: z.number().min(0).max(1).default(0.12),
    /** Confidence a message without any labor word needs to be answered at all; below it: out-of-scope refusal. */
    unknownScopeMinConfidence: z.number().min(0).max(1).default(0.35),
    /** A second or third article is quoted only when its confidence is at least this share of the best hit's. */
    extraCitationConfidenceShare: z.number().min(0).max(1).default(0.6),
    /** ... and its fused retrieval score at least this share of the best hit's score. */
    extraCitationScoreShare: z.number().min(0).max(1).default(0.8),

    // --- How retrieval confidence is measured (what the thresholds above compare against) ---
    /**
     * Confidence = share of the question's idf-weighted terms a passage contains, measured against at most this
     * much idf mass, so a long case story is not "unsure" just for being long. Also used by the card matcher.
     */
    coverageCap: z.number().positive().default(120),
    /** Confidence is multiplied by this when the vector list agrees (ranks the passage near the top). */
    vectorAgreementFactor: z.number().min(1).max(2).default(1.15),
    /** "Near the top" for the factor above: the vector list's first this many passages. */
    vectorAgreementRank: z.number().int().min(1).max(100).default(10),

    // --- Card or statute path (src/cards) ---
    /** A reviewed answer card at or above this confidence answers on its own. */
    cardMinConfidence: z.number().min(0).max(1).default(0.3),
    /** A card below cardMinConfidence but at least this confident still answers when it leads clearly... */
    cardMinWithLead: z.number().min(0).max(1).default(0.15),
    /** ... i.e. its confidence is at least this many times the second-best card's. */
    cardLeadRatio: z.number().min(1).default(1.4),
    /** Added to a card's confidence when the statute retriever ranks one of its articles among its top hits... */
    cardAgreementBonus: z.number().min(0).max(1).default(0.1),
    /** ... the top this many. */
    cardAgreementTopHits: z.number().int().min(1).max(10).default(5),
    /** The card matcher's candidates per question (the thresholds above pick among them). */
    cardCandidates: z.number().int().min(2).max(20).default(8),
    /**
     * A card whose phrasing covers every question word the leading card covers, and more, goes first when its
     * confidence is at least this share of the leader's (a short phrasing inside a longer question must not win)...
     */
    cardWiderCoverShare: z.number().min(0).max(1).default(0.7),
    /** ... and the leader is at least this confident. */
    cardWiderCoverMin: z.number().min(0).max(1).default(0.2),

    // --- Refuse the message as given ---
    /** Longest message the bot reads; longer ones get a "please shorten" reply (triage still runs). */
    maxMessageChars: z.number().int().min(50).max(100_000).default(2000),

    // --- Reply size ---
    /** At most this many articles are quoted in one statute answer. */
    maxCitations: z.number().int().min(1).max(5).default(3),
    /** Longest quoted excerpt of a Chinese article, in characters. */
    excerptCharsZh: z.number().int().min(40).max(5000).default(220),
    /** Longest quoted excerpt of a Vietnamese article, in characters. */
    excerptCharsVi: z.number().int().min(40).max(5000).default(420),
    /** Longest full article text sent on request ("全文", "chi tiết"); a longer one is cut with "…". */
    fullTextMaxChars: z.number().int().min(100).max(20_000).default(1500),
    /** At most this many of the statute retriever's other articles are named after a card's own. */
    cardOtherArticles: z.number().int().min(0).max(5).default(2),
    /** Passages handed to the LLM drafter (the cited sources first, then other hits above minAnswerConfidence). */
    draftMaxPassages: z.number().int().min(1).max(20).default(6),
  })
  .strict();

export type AnswerPolicy = Readonly<z.infer<typeof answerPolicySchema>>;

/** Today's values: what the bot does with no policy variable set. */
export const DEFAULT_ANSWER_POLICY: AnswerPolicy = Object.freeze(answerPolicySchema.parse({}));
