/** Bounds on what a content script may send, so a hostile page cannot exhaust the background. */
export const REQUEST_LIMITS = {
  blocks: 200_000,
  /** Total characters of text in one scan (about 20 MB of UTF-16). */
  textChars: 10_000_000,
  urlLength: 8_192,
  /** Cards a page asks for by id besides its mentions' (the open card's choices). */
  shownCards: 100,
  cardIdLength: 200,
} as const;

/**
 * Mentions one scan answers with at most, the first in the blocks' order. The busiest of the
 * 70 corpus pages has 2,291 at 100,000 cards; a hostile page of 10 million characters of
 * "NATO NATO …" would otherwise make two million, and hold the worker for seconds and
 * hundreds of megabytes for an answer no page could use.
 */
export const MENTIONS_PER_SCAN = 20_000;
