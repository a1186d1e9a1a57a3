/** Shapes shared by the mention engine and its callers. */

/** One term of one card: its title or one of its aliases. */
export interface TermEntry {
  term: string;
  cardId: string;
}

/**
 * One mention found in a text. Offsets are UTF-16 code-unit positions in the
 * ORIGINAL text (before any normalisation): `text.slice(start, end)` is the mention.
 */
export interface Mention {
  start: number;
  end: number;
  /** Ids of every card that has this term, sorted, without duplicates. */
  cardIds: string[];
}

/** A compiled matcher: compiled once, used for many texts. */
export interface Matcher {
  /**
   * All mentions in `text`, leftmost-longest, without overlaps, in text order; only the first
   * `limit` of them when a limit is given (the scan stops there).
   */
  find(text: string, limit?: number): Mention[];
}
