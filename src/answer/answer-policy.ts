import type { CardStepOptions } from '../cards/card-step.js';
import type { AnswerPolicy } from '../config/answer-policy-schema.js';
import type { RetrievalConfidence } from '../retrieval/hybrid-retriever.js';

// The schema and defaults live in config/ (the lowest layer, which loads them from the environment);
// this file hands each consumer its share.
export { answerPolicySchema, DEFAULT_ANSWER_POLICY, type AnswerPolicy } from '../config/answer-policy-schema.js';

/** The card step's share of the policy (src/cards/card-step.ts). */
export function cardOptionsOf(policy: AnswerPolicy): CardStepOptions {
  return {
    minConfidence: policy.cardMinConfidence,
    minWithLead: policy.cardMinWithLead,
    leadRatio: policy.cardLeadRatio,
    agreementBonus: policy.cardAgreementBonus,
    agreementTopHits: policy.cardAgreementTopHits,
    candidates: policy.cardCandidates,
    widerCover: { share: policy.cardWiderCoverShare, min: policy.cardWiderCoverMin },
    maxFullText: policy.fullTextMaxChars,
    otherArticles: policy.cardOtherArticles,
  };
}

/** The statute retriever's share of the policy: how its confidence is measured. */
export function retrievalConfidenceOf(policy: AnswerPolicy): RetrievalConfidence & { readonly coverageCap: number } {
  return {
    coverageCap: policy.coverageCap,
    vectorAgreementFactor: policy.vectorAgreementFactor,
    vectorAgreementRank: policy.vectorAgreementRank,
  };
}
