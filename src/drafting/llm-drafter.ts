import type { Lang, Passage } from '../core/types.js';
import { toTraditional } from '../language/script.js';
import { maskPii } from '../privacy/mask-pii.js';
import type { ChatClient, ChatMessage } from '../providers/openai/chat-client.js';
import type { Logger } from '../shared/logger.js';
import { DraftCounters } from './draft-metrics.js';
import { draftSchema, parseModelJson } from './draft-schema.js';
import type { PromptBook } from './load-prompt.js';
import type { DraftInput, DraftOutcome, Drafter } from './types.js';
import { verifyDraft, type VerifyDeps } from './verify-draft.js';

export interface LlmDrafterSettings {
  readonly chat: ChatClient;
  readonly prompts: PromptBook;
  readonly verify: VerifyDeps;
  /** Longest a worker waits for a draft, in ms. */
  readonly deadlineMs: number;
  readonly counters?: DraftCounters;
  readonly logger?: Logger;
  readonly now?: () => number;
}

/** How a passage is shown to the model: number, citation label, text. */
function passageBlock(passages: readonly Passage[]): string {
  return passages
    .map((p, i) => {
      const label =
        p.article === undefined
          ? p.law
          : p.language === 'zh'
            ? `《${p.law}》第${p.article}条`
            : `Điều ${p.article} ${p.law}`;
      return `[${i + 1}] ${label}${p.caption ? ` (${p.caption})` : ''}\n${p.text}`;
    })
    .join('\n\n');
}

function historyBlock(input: DraftInput): string {
  const turns = input.history
    .slice(-6)
    .map((t) => `${t.role === 'worker' ? 'worker' : 'bot'}: ${maskPii(t.text).slice(0, 500)}`);
  return turns.length > 0 ? turns.join('\n') : '(none)';
}

/**
 * Drafts answers with an LLM and sends nothing unverified: the model answers
 * only from numbered passages; the draft is parsed, checked (citations,
 * articles, numbers, language), repaired once with the failures listed, and
 * otherwise dropped so the pipeline answers extractively. Personal numbers
 * are masked before any text leaves the machine.
 */
export function createLlmDrafter(settings: LlmDrafterSettings): Drafter {
  const counters = settings.counters ?? new DraftCounters();
  const now = settings.now ?? Date.now;

  function systemPrompt(lang: Lang, hotlines: readonly string[]): string {
    return settings.prompts.render(`draft.${lang}`, { hotlines: hotlines.length > 0 ? hotlines.join(', ') : '—' });
  }

  async function draft(input: DraftInput): Promise<DraftOutcome> {
    counters.attempts += 1;
    const deadline = now() + settings.deadlineMs;
    const passages = input.passages.map((s) => s.passage);
    if (passages.length === 0) return { ok: false, reason: 'verification_failed', detail: 'no passages' };
    const messages: ChatMessage[] = [
      { role: 'system', content: systemPrompt(input.lang, input.hotlines) },
      {
        role: 'user',
        content: settings.prompts.render('draft-input', {
          passages: passageBlock(passages),
          history: historyBlock(input),
          question: maskPii(input.question),
        }),
      },
    ];

    for (let attempt = 0; attempt < 2; attempt += 1) {
      const reply = await settings.chat.complete(messages, deadline);
      if (!reply.ok) {
        counters.fallback(reply.reason);
        settings.logger?.warn({ reason: reply.reason, detail: reply.detail }, 'llm draft unavailable');
        return { ok: false, reason: reply.reason, detail: reply.detail };
      }
      const parsed = parseModelJson(reply.content, draftSchema);
      let failures: string[];
      if (!parsed.success) {
        counters.failure('malformed');
        failures = [parsed.error];
        if (attempt === 1) {
          counters.fallback('malformed');
          return { ok: false, reason: 'malformed', detail: parsed.error };
        }
      } else {
        // Traditional in, Traditional out: convert rather than reject a Simplified draft.
        const value =
          input.lang === 'zh-Hant' ? { ...parsed.value, answer: toTraditional(parsed.value.answer) } : parsed.value;
        const check = verifyDraft(value, passages, input.lang, settings.verify);
        if (check.ok) {
          counters.verified += 1;
          if (attempt === 1) counters.repaired += 1;
          const cited = [
            ...new Set([...value.cited, ...[...value.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]))]),
          ];
          return {
            ok: true,
            text: value.answer,
            citedPassageIds: cited.map((n) => passages[n - 1]!.id),
            confidence: value.confidence,
            needsPerson: value.needs_person,
            ...(value.needs_person_reason ? { needsPersonReason: value.needs_person_reason } : {}),
            ...(value.clarifying_question ? { clarifyingQuestion: value.clarifying_question } : {}),
          };
        }
        for (const f of check.failures) counters.failure(f.kind);
        settings.logger?.info(
          { failures: check.failures.map((f) => f.kind), attempt },
          'llm draft failed verification',
        );
        failures = check.failures.map((f) => `${f.kind}: ${f.detail}`);
        if (attempt === 1) {
          counters.fallback('verification_failed');
          return { ok: false, reason: 'verification_failed', detail: failures.join('; ') };
        }
      }
      messages.push({ role: 'assistant', content: reply.content });
      messages.push({
        role: 'user',
        content: settings.prompts.render('repair', {
          failures: failures.map((f) => `- ${f}`).join('\n'),
          count: String(passages.length),
        }),
      });
    }
    counters.fallback('verification_failed');
    return { ok: false, reason: 'verification_failed' };
  }

  return {
    name: `llm:${settings.chat.model}`,
    async draft(input) {
      try {
        return await draft(input);
      } catch (error) {
        counters.fallback('http_error');
        return { ok: false, reason: 'http_error', detail: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
