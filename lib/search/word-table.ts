import type { CatalogEntry } from './catalog';

/** Every word of a set of haystacks, with one posting per (entry, word): its best field. */
export interface WordTable {
  /** Distinct words in order of first appearance. */
  words: string[];
  /** Parallel posting columns, in entry order. */
  postingEntry: Int32Array;
  postingWord: Int32Array;
  postingField: Uint8Array;
}

const SPACE = 32;
const TAB = 9;
const NEWLINE = 10;

function fnv(hash: number, char: number): number {
  return Math.imul(hash ^ char, 16777619);
}

/**
 * Reads every word of every haystack with a hand-rolled hash table over the characters.
 * Splitting the haystacks into strings and counting them in a Map costs about four times
 * as much (0.5 s for 10,000 cards on a slow machine), and this runs whenever the catalog
 * changes.
 */
export function readWords(entries: readonly CatalogEntry[]): WordTable {
  const words: string[] = [];
  const hashes: number[] = [];
  const lastEntry: number[] = [];
  let slots = new Int32Array(1 << 12).fill(-1);
  const postings = { entry: [] as number[], word: [] as number[], field: [] as number[] };

  const grow = () => {
    slots = new Int32Array(slots.length * 2).fill(-1);
    hashes.forEach((hash, id) => {
      let slot = (hash >>> 0) & (slots.length - 1);
      while (slots[slot] !== -1) slot = (slot + 1) & (slots.length - 1);
      slots[slot] = id;
    });
  };

  const wordId = (haystack: string, start: number, end: number, hash: number): number => {
    const mask = slots.length - 1;
    for (let slot = (hash >>> 0) & mask; ; slot = (slot + 1) & mask) {
      const id = slots[slot] as number;
      if (id === -1) {
        slots[slot] = words.length;
        words.push(haystack.slice(start, end));
        hashes.push(hash);
        lastEntry.push(-1);
        if (words.length * 2 > slots.length) grow();
        return words.length - 1;
      }
      const word = words[id] as string;
      if (hashes[id] === hash && word.length === end - start && haystack.startsWith(word, start)) return id;
    }
  };

  entries.forEach(({ haystack }, entry) => {
    let field = 0;
    let start = -1;
    let hash = 0;
    for (let at = 0; at <= haystack.length; at++) {
      const char = at < haystack.length ? haystack.charCodeAt(at) : NEWLINE;
      if (char !== SPACE && char !== TAB && char !== NEWLINE) {
        if (start === -1) {
          start = at;
          hash = 0x811c9dc5;
        }
        hash = fnv(hash, char);
        continue;
      }
      if (start !== -1) {
        const id = wordId(haystack, start, at, hash);
        // Fields come weightiest first, so an entry's first posting of a word is its best.
        if (lastEntry[id] !== entry) {
          lastEntry[id] = entry;
          postings.entry.push(entry);
          postings.word.push(id);
          postings.field.push(field);
        }
        start = -1;
      }
      if (char === NEWLINE) field++;
    }
  });
  return {
    words,
    postingEntry: Int32Array.from(postings.entry),
    postingWord: Int32Array.from(postings.word),
    postingField: Uint8Array.from(postings.field),
  };
}
