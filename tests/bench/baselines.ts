/**
 * What the engine is measured against: one big alternation RegExp of the escaped terms, and
 * the modern-ahocorasick library. Neither applies Backstory's rules (the regex only has the
 * word boundaries, the library only sees folded text), so both do less work than `find`.
 */
import AhoCorasick from 'modern-ahocorasick';
import { FoldedText, foldText } from '../../lib/match/folded-text';
import { termKey } from '../../lib/match/term-key';
import type { TermEntry } from '../../lib/match/types';

/** A compiled baseline: `run` matches one text and returns how many matches it kept. */
export interface Baseline {
  run: (text: string) => number;
}

function escapeTerm(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * What a simple highlighter does: the escaped terms, longest first (an alternation takes
 * the first branch that matches), case-insensitive, between `\b` word boundaries.
 */
export function compileRegexBaseline(entries: TermEntry[]): Baseline {
  const terms = [...new Set(entries.map((e) => e.term.trim()).filter((t) => t.length >= 2))];
  terms.sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`\\b(?:${terms.map(escapeTerm).join('|')})\\b`, 'gi');
  return {
    run: (text) => {
      let count = 0;
      pattern.lastIndex = 0;
      while (pattern.exec(text)) count++;
      return count;
    },
  };
}

/** The folded keys of the entries, as the library would need them to find what `find` finds. */
export function foldedKeys(entries: TermEntry[]): string[] {
  const keys = new Set<string>();
  for (const entry of entries) {
    const key = termKey(entry.term)?.key;
    if (key) keys.add(key);
  }
  return [...keys];
}

/** The text folded the way the engine folds it, as a string for the library. */
export function foldedString(text: string): string {
  const folded = foldText(text, new FoldedText());
  let out = '';
  for (let i = 0; i < folded.length; i += 8192) {
    out += String.fromCharCode(...folded.units.subarray(i, Math.min(i + 8192, folded.length)));
  }
  return out;
}

/** modern-ahocorasick over folded keys, leftmost-longest, no boundary rule. */
export function libraryBaseline(library: AhoCorasick): Baseline {
  return { run: (folded) => library.search(folded, { strategy: 'leftmost-longest' }).length };
}

/**
 * The library on text cut into pieces of about `size` characters at spaces, as a content
 * script could send it block by block; this sidesteps its super-linear cost on long texts.
 */
export function chunkedBaseline(library: AhoCorasick, size: number): Baseline {
  return {
    run: (folded) => {
      let count = 0;
      for (let from = 0; from < folded.length; ) {
        let to = Math.min(from + size, folded.length);
        const space = folded.indexOf(' ', to);
        to = space < 0 ? folded.length : space;
        count += library.search(folded.slice(from, to), { strategy: 'leftmost-longest' }).length;
        from = to;
      }
      return count;
    },
  };
}

/** The library itself, for its compile and persistence figures. */
export { AhoCorasick };
