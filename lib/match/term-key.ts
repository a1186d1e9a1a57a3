/**
 * Turns a card's term into the folded key the automaton stores, and decides which terms
 * are kept at all.
 */

import { classFrom, WORD } from './char-class';
import { SEPARATOR } from './char-fold';
import { FoldedText, foldText } from './folded-text';

/** Terms with fewer characters than this (after ignored characters are dropped) are skipped. */
export const MIN_TERM_CHARS = 2;
/**
 * Terms longer than this many folded units are skipped. No card title is that long, and it
 * bounds what one bad record can add to the automaton and to the persisted bytes.
 */
export const MAX_TERM_UNITS = 256;

/** A term ready for the automaton. */
export interface TermKey {
  /** Folded units as a string, without leading or trailing separators. */
  key: string;
  /** True for all-capitals terms (NATO, EU), which match only where the text has no lower case. */
  exactCase: boolean;
}

const UPPER = /\p{Uppercase}/gu;
// Printable ASCII words joined by single spaces or hyphens, where folding is only lower case
// and hyphen-to-separator. Most titles look like this, and skipping the general folder for
// them halves the time to compile 100k terms. The property test holds both paths to one
// reference.
const PLAIN = /^[!-,.-~]+(?:[ -][!-,.-~]+)*$/;
const PLAIN_WORDY = /[0-9A-Za-z]/;
const LOWER = /\p{Lowercase}/u;

/** Two or more capitals and no lower-case letter: written this way on purpose, so case matters. */
export function isAllCapitals(term: string): boolean {
  return !LOWER.test(term) && (term.match(UPPER)?.length ?? 0) >= 2;
}

/**
 * The key of `term`, or undefined when the term is skipped: not a string, too short, too
 * long, or without any letter or digit (a term of punctuation would light up every page).
 */
export function termKey(term: unknown, scratch: FoldedText = new FoldedText()): TermKey | undefined {
  if (typeof term !== 'string') return undefined;
  if (PLAIN.test(term)) {
    if (term.length < MIN_TERM_CHARS || term.length > MAX_TERM_UNITS || !PLAIN_WORDY.test(term))
      return undefined;
    return { key: term.toLowerCase().replaceAll('-', ' '), exactCase: isAllCapitals(term) };
  }
  const folded = foldText(term, scratch);
  const { units, origins } = folded;
  let start = 0;
  let end = folded.length;
  while (start < end && units[start] === SEPARATOR) start++;
  while (end > start && units[end - 1] === SEPARATOR) end--;
  if (end - start > MAX_TERM_UNITS) return undefined;
  let chars = 0;
  let wordy = false;
  for (let i = start; i < end; i++) {
    if (i === start || origins[i] !== origins[i - 1]) chars++;
    if (!wordy && classFrom(units, i, end) & WORD) wordy = true;
  }
  if (chars < MIN_TERM_CHARS || !wordy) return undefined;
  return { key: String.fromCharCode(...units.subarray(start, end)), exactCase: isAllCapitals(term) };
}
