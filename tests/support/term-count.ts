/**
 * A second opinion on how many times a dictionary's terms occur in a text, for the corpus
 * sweep: two RegExps (all-capital terms, found in capitals only, and the rest, in any case)
 * over the page's rendered text (`innerText`), written apart from the mention engine
 * (lib/match/) and much simpler. Text and terms are folded alike, and a term is whole between
 * letters, digits and marks, longest first. It knows none of the engine's finer rules
 * (scripts written without spaces, one mention where the two kinds of term overlap, caps per
 * scan) nor the reader's (skipped elements, text that is not rendered), so the sweep compares
 * the two within a margin, not exactly.
 */

const EDGE = '[\\p{L}\\p{N}\\p{M}]';

function literal(term: string): string {
  return term.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/**
 * Folds a text for comparison, in the spirit of docs/matching.md's rules but in a few lines
 * of its own: accents off, case folded (unless `keepCase`), invisible characters dropped, one
 * apostrophe, and every run of white space or a dash with the spaces around it as one space.
 */
export function foldTerm(text: string, keepCase = false): string {
  const plain = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g, '')
    .replace(/\p{Default_Ignorable_Code_Point}/gu, '');
  return (keepCase ? plain : plain.toLowerCase().toUpperCase().toLowerCase())
    .replace(/[’‘ʼ]/g, "'")
    .replace(/[\s\u0085]*[\p{Pd}\u2212][\s\u0085]*|[\s\u0085]+/gu, ' ')
    .trim();
}

/** Two or more capitals and no lower-case letter: such a term is found in capitals only (`NATO`, `EU`). */
export function isAllCapitals(term: string): boolean {
  return !/\p{Lowercase}/u.test(term) && (term.match(/\p{Uppercase}/gu)?.length ?? 0) >= 2;
}

function alternation(terms: readonly string[], flags: string): RegExp | undefined {
  const sorted = [...new Set(terms.filter(Boolean))].sort((a, b) => b.length - a.length);
  if (sorted.length === 0) return undefined;
  return new RegExp(`(?<!${EDGE})(?:${sorted.map(literal).join('|')})(?!${EDGE})`, flags);
}

/** Counts the terms' occurrences in a text, each place once, longest term first. */
export function termCounter(terms: readonly string[]): (text: string) => number {
  const capitals = alternation(
    terms.filter(isAllCapitals).map((term) => foldTerm(term, true)),
    'gu',
  );
  const others = alternation(
    terms.filter((term) => !isAllCapitals(term)).map((term) => foldTerm(term)),
    'giu',
  );
  const count = (pattern: RegExp | undefined, text: string) =>
    pattern ? [...text.matchAll(pattern)].length : 0;
  return (text) => count(others, foldTerm(text)) + count(capitals, foldTerm(text, true));
}
