import type { Jurisdiction } from '../core/types.js';

/** Hotline numbers for one jurisdiction, from `knowledge/contacts.json`. */
export interface Hotlines {
  /** The union worker hotline (China: 12351); null when a deploying union has not set one. */
  readonly union: string | null;
  /** Emergency numbers to give when life or health is at risk, already formatted ("110 / 120"). */
  readonly emergency: string;
}

/** Hotlines per jurisdiction. */
export type HotlineBook = Readonly<Record<Jurisdiction, Hotlines>>;
