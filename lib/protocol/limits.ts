/** Bounds on what a content script may send, so a hostile page cannot exhaust the background. */
export const REQUEST_LIMITS = {
  blocks: 200_000,
  /** Total characters of text in one scan (about 20 MB of UTF-16). */
  textChars: 10_000_000,
  urlLength: 8_192,
} as const;
