/**
 * The hot loop. Walks the trie from every place a mention may start (found while folding)
 * and keeps the longest acceptable match there; taking the leftmost start that has one and
 * resuming after it gives leftmost-longest mentions without overlaps.
 *
 * End rule, the mirror of the start rule in folded-text.ts: a mention ends on a whole
 * original character, with no letter or digit directly after it unless a script written
 * without spaces is on either side. A possessive needs no rule of its own: an apostrophe is
 * not a letter, so "NATO's" and "allies'" end cleanly before it.
 */
import { type Automaton, TAIL } from './automaton';
import { classBefore, classFrom, classTable } from './char-class';
import type { FoldedText } from './folded-text';

/** Decides the rules that depend on the pattern (case), once boundaries are known to hold. */
export type Accept = (pattern: number, start: number, end: number) => boolean;

/**
 * Receives each mention, in text order, as folded-unit offsets and its pattern; returns
 * false to end the scan there.
 */
export type Emit = (start: number, end: number, pattern: number) => boolean;

/**
 * Whether a mention may end just before folded unit `at` (checked only where a pattern
 * ends). Reads the class table directly, with its bits spelled out as in folded-text.ts:
 * WORD = 1, NO_SPACE = 2, SURROGATE = 16 (classFrom/classBefore resolve 0 and surrogates).
 */
function mayEnd(folded: FoldedText, at: number, table: Uint8Array): boolean {
  const { units, origins, length } = folded;
  if (at === length) return true;
  // A match that stops inside the expansion of one character (the "f" of "ﬁ") has no offset.
  if (origins[at] === origins[at - 1]) return false;
  let after = table[units[at] as number] as number;
  if (after === 0 || (after & 16) !== 0) after = classFrom(units, at, length);
  if ((after & 1) === 0) return true;
  let before = table[units[at - 1] as number] as number;
  if (before === 0 || (before & 16) !== 0) before = classBefore(units, at);
  return ((after | before) & 2) !== 0;
}

/**
 * Where the tail at `offset` ends if the text from `at` spells it out, else -1: the rest of
 * a key that shares its prefix with no other key, compared unit for unit.
 */
function tailEnd(units: Uint16Array, at: number, length: number, tails: Uint16Array, offset: number): number {
  const end = at + (tails[offset] as number);
  if (end > length) return -1;
  for (let i = at, j = offset + 1; i < end; i++, j++) if (units[i] !== tails[j]) return -1;
  return end;
}

/** Finds the leftmost-longest acceptable mentions in `folded` and passes each to `emit`, until it says stop. */
export function scanMentions(automaton: Automaton, folded: FoldedText, accept: Accept, emit: Emit): void {
  const { alphabet, cells, patterns, tails } = automaton;
  const { units, starts, startCount, length } = folded;
  const table = classTable;
  const tail = TAIL;
  // End of the last mention: a start before it would overlap.
  let taken = 0;
  for (let s = 0; s < startCount; s++) {
    const start = starts[s] as number;
    if (start < taken) continue;
    let symbol = alphabet[units[start] as number] as number;
    let state = 0;
    let bestEnd = 0;
    let bestPattern = -1;
    for (let at = start; symbol !== 0; ) {
      // Cells are [base, check]; a negative base marks where a pattern ends (double-array.ts).
      let base = cells[state << 1] as number;
      if (base < 0) base = ~base;
      const child = base + symbol;
      if (cells[(child << 1) + 1] !== state) break;
      state = child;
      at++;
      const mark = cells[state << 1] as number;
      if (mark < 0) {
        const isTail = ~mark >= tail;
        const end = isTail ? tailEnd(units, at, length, tails, ~mark - tail) : at;
        if (end < 0) break;
        const pattern = patterns[state] as number;
        if (mayEnd(folded, end, table) && accept(pattern, start, end)) {
          bestEnd = end;
          bestPattern = pattern;
        }
        if (isTail) break;
      }
      symbol = at < length ? (alphabet[units[at] as number] as number) : 0;
    }
    if (bestEnd > 0) {
      if (!emit(start, bestEnd, bestPattern)) return;
      taken = bestEnd;
    }
  }
}
