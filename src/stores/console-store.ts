import type { Lang } from '../core/types.js';
import type { ChannelName } from '../conversation/types.js';

/** Staff roles: a lead may also reply to and resolve tickets owned by others, and read the audit log. */
export type StaffRole = 'staff' | 'lead';

/** Languages of the console's interface. */
export type UiLang = 'zh-Hans' | 'zh-Hant' | 'vi' | 'en';

export interface StaffAccount {
  readonly id: number;
  /** Login name; also the owner shown on tickets (as `console:<name>`). */
  readonly name: string;
  readonly role: StaffRole;
  readonly lang: UiLang;
  readonly disabled: boolean;
  /** `scrypt$N$r$p$salt$hash` (src/console/password.ts). */
  readonly passwordHash: string;
  readonly createdAt: number;
}

export interface StaffSession {
  readonly user: StaffAccount;
  readonly csrfToken: string;
  readonly expiresAt: number;
}

export interface AuditEntry {
  readonly id: number;
  readonly at: number;
  readonly user: string;
  /**
   * `login`, `login_failed`, `logout`, `transcript.view`, `claim`, `reply`, `resolve`, `handover`, `note`,
   * `refused`.
   */
  readonly action: string;
  readonly ticketId?: string;
  readonly detail?: string;
}

export interface StaffNote {
  readonly id: number;
  readonly ticketId: string;
  readonly at: number;
  readonly author: string;
  readonly text: string;
}

/** One answered worker message, as the dashboard counts it. No message text except masked "no source" questions. */
export interface AnswerRecord {
  readonly at: number;
  readonly channel: ChannelName;
  readonly conversationId: string;
  readonly lang: Lang;
  readonly mode: string;
  readonly escalate: string;
  readonly topic: string;
  readonly citations: readonly { readonly passageId: string; readonly label: string }[];
  /** Masked question, kept only when the answer found no source (the gaps reviewers fill). */
  readonly maskedQuestion?: string;
  readonly feedbackAsked: boolean;
}

export interface TicketEventRecord {
  readonly at: number;
  readonly ticketId: string;
  readonly action: 'opened' | 'claimed' | 'replied' | 'resolved' | 'worker_message' | 'handover';
  readonly category: string;
  readonly lang: Lang;
  readonly channel: ChannelName;
  readonly staff?: string;
}

/** Raw material of the dashboard for a time range; the aggregation is in src/console/dashboard-data.ts. */
export interface EventsInRange {
  readonly answers: readonly (AnswerRecord & { readonly feedback?: boolean })[];
  readonly ticketEvents: readonly TicketEventRecord[];
}

/**
 * The staff console's own tables (accounts, sessions, audit log, notes and the
 * event log behind the dashboard), kept in the same SQLite file as the tickets.
 */
export interface ConsoleStore {
  createUser(name: string, passwordHash: string, role: StaffRole, lang: UiLang, at: number): Promise<StaffAccount>;
  getUser(name: string): Promise<StaffAccount | undefined>;
  listUsers(): Promise<StaffAccount[]>;
  setPassword(name: string, passwordHash: string): Promise<boolean>;
  setUserLang(name: string, lang: UiLang): Promise<void>;
  setDisabled(name: string, disabled: boolean): Promise<boolean>;

  /** Stores a session under the hash of its token (the token itself is only in the cookie). */
  createSession(tokenHash: string, userId: number, csrfToken: string, at: number, expiresAt: number): Promise<void>;
  /** The session and its user, if it exists, has not expired and the user is not disabled. */
  getSession(tokenHash: string, now: number): Promise<StaffSession | undefined>;
  deleteSession(tokenHash: string): Promise<void>;

  audit(entry: Omit<AuditEntry, 'id'>): Promise<void>;
  listAudit(limit: number, ticketId?: string): Promise<AuditEntry[]>;

  addNote(ticketId: string, author: string, text: string, at: number): Promise<void>;
  listNotes(ticketId: string): Promise<StaffNote[]>;

  recordAnswer(record: AnswerRecord): Promise<void>;
  /** Feedback on the conversation's last answer, if it asked for feedback and has none yet; false otherwise. */
  recordFeedback(channel: ChannelName, conversationId: string, helpful: boolean, at: number): Promise<boolean>;
  recordTicketEvent(event: TicketEventRecord): Promise<void>;
  /** Answers and ticket events with `from <= at < to`; ticket events of tickets opened in range are all included. */
  eventsInRange(from: number, to: number): Promise<EventsInRange>;
  close(): Promise<void>;
}
