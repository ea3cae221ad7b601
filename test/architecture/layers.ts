// The layer table of src/ (documented in docs/architecture.md). Each top-level folder, and each
// file directly in src/ (named without `.ts`), has a layer; 0 is the outermost. A unit may import
// from its own layer or a larger number, never a smaller one. Units of one layer may import each
// other as long as no cycle forms (the cycle check enforces that).
export const LAYERS: Readonly<Record<string, number>> = {
  // Entry points and wiring: the only places that pick implementations and connect them.
  main: 0,
  cli: 0,
  index: 0,
  'create-service': 0,
  'create-bot': 0,
  'create-llm-features': 0,
  // Adapters: platforms, the staff console, and storage. Stores implement the ports that
  // conversation/ declares (dependency inversion), so they sit outside conversation.
  channels: 1,
  console: 1,
  stores: 1,
  // The conversation core: tickets, hand-off, outbox; owns the store ports.
  conversation: 2,
  // One answer to one question.
  answer: 3,
  // What the answer engine composes.
  escalation: 4,
  cards: 4,
  calculators: 4,
  drafting: 4,
  retrieval: 4,
  citations: 4,
  // Knowledge loading, the LLM client, text and privacy helpers.
  providers: 5,
  ingest: 5,
  // src/knowledge/ (the knowledge-folder loaders issue 8 asks for), once it exists.
  knowledge: 5,
  language: 5,
  privacy: 5,
  // Shared types, config and infrastructure every layer may use.
  core: 6,
  config: 6,
  shared: 6,
};

/** Folders a channel must never reach: channels talk to the conversation core only. */
export const CHANNEL_FORBIDDEN = ['answer', 'retrieval', 'drafting', 'cards', 'calculators', 'escalation', 'citations'];
