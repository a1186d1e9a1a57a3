/**
 * A second opinion on how many times a dictionary's terms occur in a text, for the corpus
 * sweep: the terms looked up by their first word at each word of the page's rendered text
 * (`innerText`), written apart from the mention engine (lib/match/) and much simpler. Text and
 * terms are folded alike, a term is whole between letters, digits and marks, all-capital terms
 * are found in capitals only, and the longest term at a place wins. It knows none of the
 * engine's finer rules (scripts written without spaces, one mention where the two kinds of
 * term overlap, caps per scan) nor the reader's (skipped elements, text that is not
 * rendered), so the sweep compares the two within a margin, not exactly. (A RegExp of the
 * 10,000 terms took 8.5 s on the longest page; this takes milliseconds.)
 */

/** A run of word characters: letters, digits and marks. A term is whole between such runs. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

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

/** A term and where its first word starts in it (after a leading `'`, say). */
interface Entry {
  term: string;
  lead: number;
}

/** Terms by their first word, longest first within each. */
function byFirstWord(terms: readonly string[]): Map<string, Entry[]> {
  const index = new Map<string, Entry[]>();
  for (const term of new Set(terms)) {
    WORD.lastIndex = 0;
    const first = WORD.exec(term);
    if (!first) continue;
    const entries = index.get(first[0]) ?? [];
    entries.push({ term, lead: first.index });
    index.set(first[0], entries);
  }
  for (const entries of index.values()) entries.sort((a, b) => b.term.length - a.term.length);
  return index;
}

/** Counts whole terms in `text`, leftmost first, the longest at each place, none overlapping. */
function countIn(text: string, index: Map<string, Entry[]>): number {
  let count = 0;
  let free = 0;
  const words = new RegExp(WORD.source, 'gu');
  for (let word = words.exec(text); word; word = words.exec(text)) {
    const entries = index.get(word[0]);
    if (!entries) continue;
    for (const { term, lead } of entries) {
      const start = word.index - lead;
      const end = start + term.length;
      if (start < free || !text.startsWith(term, start)) continue;
      if ((start > 0 && WORD_CHAR.test(text[start - 1] as string)) || WORD_CHAR.test(text[end] ?? ''))
        continue;
      count++;
      free = end;
      words.lastIndex = end;
      break;
    }
  }
  return count;
}

/** Counts the terms' occurrences in a text, each place once, longest term first. */
export function termCounter(terms: readonly string[]): (text: string) => number {
  const capitals = byFirstWord(terms.filter(isAllCapitals).map((term) => foldTerm(term, true)));
  const others = byFirstWord(terms.filter((term) => !isAllCapitals(term)).map((term) => foldTerm(term)));
  return (text) => countIn(foldTerm(text), others) + countIn(foldTerm(text, true), capitals);
}
