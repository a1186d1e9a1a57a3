import type { CatalogEntry } from './catalog';
import { readWords } from './word-table';

/**
 * An inverted index over catalog entries, laid out for speed and for storage (IndexedDB
 * reads typed arrays and one long string back far faster than many small objects).
 * The postings of the word at sorted position w are positions start[w] to start[w + 1]
 * of `entryAt` (entry positions) and `fieldAt` (the weightiest field the word is in).
 */
export interface PackedIndex {
  /** The distinct words, sorted, joined by "\n". */
  words: string;
  start: Int32Array;
  entryAt: Int32Array;
  fieldAt: Uint8Array;
}

/** Builds the index of the entries: sorts their words and groups the postings by word. */
export function buildIndex(entries: readonly CatalogEntry[]): PackedIndex {
  const { words, postingEntry, postingWord, postingField } = readWords(entries);
  const sorted = words.map((_, id) => id).sort((a, b) => ((words[a] ?? '') < (words[b] ?? '') ? -1 : 1));
  const rank = new Int32Array(sorted.length);
  sorted.forEach((id, r) => {
    rank[id] = r;
  });
  // Counting sort of the postings by word rank; within a word they stay in entry order.
  const start = new Int32Array(sorted.length + 1);
  for (const id of postingWord) {
    const r = (rank[id] as number) + 1;
    start[r] = (start[r] as number) + 1;
  }
  for (let r = 1; r <= sorted.length; r++) start[r] = (start[r] as number) + (start[r - 1] as number);
  const next = start.slice(0, sorted.length);
  const entryAt = new Int32Array(postingWord.length);
  const fieldAt = new Uint8Array(postingWord.length);
  postingWord.forEach((id, k) => {
    const r = rank[id] as number;
    const at = next[r] as number;
    next[r] = at + 1;
    entryAt[at] = postingEntry[k] as number;
    fieldAt[at] = postingField[k] as number;
  });
  return { words: sorted.map((id) => words[id]).join('\n'), start, entryAt, fieldAt };
}
