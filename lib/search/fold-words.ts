import { foldTerm } from '../text/fold';

// Letters and digits make words; everything else (spaces, dashes of every style,
// apostrophes, punctuation, emoji) separates them, so "NATO–Russia" is "nato" "russia".
const WORD = /[\p{L}\p{N}]+/gu;

// A cheap first cut at white space and common punctuation (ASCII, Latin-1, the General
// Punctuation block with curly quotes and dashes, CJK punctuation). Whatever it leaves in
// a token (emoji, rarer symbols) is removed by WORD after folding.
const SEPARATORS =
  /[\s!-/:-@[-`{-~\u00a1-\u00a9\u00ab-\u00b1\u00b4\u00b6-\u00b8\u00bb\u00bf\u00d7\u00f7\u2010-\u2027\u2030-\u205e\u3001-\u303f]+/;

// Unicode normalisation is the slow part of folding (about 60 µs for a 500-character
// summary with a few accents); news text repeats its words, so each token is folded once.
const folded = new Map<string, readonly string[]>();
const CACHE_LIMIT = 100_000;

function foldToken(token: string): readonly string[] {
  let words = folded.get(token);
  if (words === undefined) {
    words = foldTerm(token).match(WORD) ?? [];
    if (folded.size >= CACHE_LIMIT) folded.clear();
    folded.set(token, words);
  }
  return words;
}

// Most tokens are plain ASCII words, whose folding is lower case alone.
const ASCII_WORD = /^[A-Za-z0-9]+$/;

/** Calls `visit` with each word of a text, folded (case and accents ignored), repeats included. */
export function forEachWord(text: string, visit: (word: string) => void): void {
  for (const token of text.split(SEPARATORS)) {
    if (token === '') continue;
    if (ASCII_WORD.test(token)) visit(token.toLowerCase());
    else for (const word of foldToken(token)) visit(word);
  }
}

/** The distinct words of a text, folded (case and accents ignored), in order of first use. */
export function foldWords(text: string): string[] {
  const words = new Set<string>();
  forEachWord(text, (word) => words.add(word));
  return [...words];
}
