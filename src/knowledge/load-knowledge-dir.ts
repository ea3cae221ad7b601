import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadCalculators, type CalculatorData } from './load-calculators.js';
import { loadCardsFolder, type CardsKnowledge } from './load-cards.js';
import { loadChannelTextsFile, type ChannelTextsFile } from './load-channels.js';
import { loadConsoleTexts, type ConsoleTexts } from './load-console.js';
import { loadContacts, type Contacts } from './load-contacts.js';
import { loadConversation, type ConversationKnowledge } from './load-conversation.js';
import { loadDesk, type DeskLabels } from './load-desk.js';
import { loadDictionaries, type TokenizerDictionaries } from './load-dict.js';
import { loadExpansions, type ExpansionTables } from './load-expansions.js';
import { loadLearned, type LearnedKnowledge } from './load-learned.js';
import { loadReplies, type ReplyBook } from './load-replies.js';
import { loadScope, type ScopeRules } from './load-scope.js';
import { loadServiceManifests, loadStatuteManifests, type Manifests } from './load-statutes.js';
import { loadTriage, type TriageKnowledge } from './load-triage.js';
import { KnowledgeError } from './knowledge-error.js';
import type { ServiceEntry, StatuteEntry } from './manifest-schema.js';

/**
 * Every JSON file of a knowledge folder, validated, and the tokenizers' word
 * lists (`dict/`). Statute and service texts (Markdown) are parsed by
 * src/ingest from the manifests.
 */
export interface Knowledge {
  /** The folder it was loaded from. */
  readonly dir: string;
  readonly statutes: Manifests<StatuteEntry>;
  readonly services: Manifests<ServiceEntry>;
  readonly contacts: Contacts;
  readonly triage: TriageKnowledge;
  readonly scope: ScopeRules;
  readonly replies: ReplyBook;
  readonly cards: CardsKnowledge;
  readonly calculators: CalculatorData;
  readonly expansions: ExpansionTables;
  /** The tokenizers' jieba dictionary and stop words (`dict/`). */
  readonly dict: TokenizerDictionaries;
  readonly learned: LearnedKnowledge;
  readonly conversation: ConversationKnowledge;
  readonly channels: ChannelTextsFile;
  readonly desk: DeskLabels;
  readonly console: ConsoleTexts;
}

/** Freezes plain objects and arrays all the way down (a Map stays as it is). */
function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value) || value instanceof Map) return value;
  for (const child of Object.values(value)) deepFreeze(child);
  return Object.freeze(value);
}

/**
 * Loads and validates every knowledge file of `dir` once, one loader per
 * subfolder. Any broken file stops start-up with a KnowledgeFileError naming
 * the file and the line, column or field.
 */
export function loadKnowledgeDir(dir: string): Knowledge {
  if (!existsSync(dir)) throw new KnowledgeError(`knowledge folder not found: ${dir}`);
  return deepFreeze({
    dir,
    statutes: loadStatuteManifests(dir),
    services: loadServiceManifests(dir),
    contacts: loadContacts(dir),
    triage: loadTriage(join(dir, 'triage')),
    scope: loadScope(dir),
    replies: loadReplies(dir),
    cards: loadCardsFolder(dir),
    calculators: loadCalculators(dir),
    expansions: loadExpansions(dir),
    dict: loadDictionaries(dir),
    learned: loadLearned(dir),
    conversation: loadConversation(dir),
    channels: loadChannelTextsFile(dir),
    desk: loadDesk(dir),
    console: loadConsoleTexts(dir),
  });
}
