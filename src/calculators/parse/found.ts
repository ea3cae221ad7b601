/** A fact found in text, with where it was found (so other parsers can skip that span). */
export interface Found<T> {
  readonly value: T;
  readonly start: number;
  readonly end: number;
}
