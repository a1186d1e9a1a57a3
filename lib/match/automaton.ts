/**
 * The trie of all folded keys, in a double array. A mention can only start where a word
 * can start, so the matcher walks this trie from each such place instead of running an
 * Aho–Corasick automaton over every character (see docs/matching.md for the measurements
 * behind that choice). Built breadth-first over the sorted keys, which puts the shallow,
 * hot states next to each other and needs no intermediate pointer trie.
 */
import { type Alphabet, alphabetOf } from './alphabet';
import { DoubleArrayBuilder } from './double-array';
import { RangeQueue } from './range-queue';

/** A compiled trie; pattern `p` is the p-th sorted key. */
export interface Automaton {
  /** Two ints per state: base (as `~base` when a pattern ends there) and check (double-array.ts). */
  cells: Int32Array;
  /** Per state: the pattern that ends there, or -1. */
  patterns: Int32Array;
  alphabet: Alphabet;
  /** The alphabet's code units in symbol order (what is persisted). */
  units: Uint16Array;
}

/** Builds the trie for `keys`, which must be sorted by code unit and unique. */
export function buildAutomaton(keys: readonly string[]): Automaton {
  // The keys' units laid end to end: each level of the walk then reads memory in order
  // instead of chasing 100k string objects around the heap.
  const starts = new Int32Array(keys.length + 1);
  keys.forEach((key, i) => {
    starts[i + 1] = (starts[i] as number) + key.length;
  });
  const totalUnits = starts[keys.length] as number;
  const pool = new Uint16Array(totalUnits);
  keys.forEach((key, i) => {
    for (let j = 0, at = starts[i] as number; j < key.length; j++) pool[at + j] = key.charCodeAt(j);
  });
  const { alphabet, units } = alphabetOf(pool);
  const trie = new DoubleArrayBuilder((totalUnits >> 1) + units.length + 64, units.length);
  const queue = new RangeQueue();
  const symbols = new Int32Array(units.length + 1);
  // Per symbol of the node being expanded: where its run of keys starts and ends.
  const runFrom = new Int32Array(units.length + 1);
  const runTo = new Int32Array(units.length + 1);
  const lengthOf = (key: number) => (starts[key + 1] as number) - (starts[key] as number);
  if (keys.length > 0) queue.push(0, 0, keys.length);
  for (let depth = 0; queue.size > 0; depth++) {
    // One breadth-first level: every range in the queue now shares a prefix of `depth` units.
    for (let level = queue.size; level > 0; level--) {
      queue.take();
      const { state, to } = queue;
      // Keys are sorted, so a key that ends at this node comes first in its range.
      const from = lengthOf(queue.from) === depth ? queue.from + 1 : queue.from;
      if (from === to) continue;
      let count = 0;
      let previous = -1;
      for (let i = from; i < to; i++) {
        const unit = pool[(starts[i] as number) + depth] as number;
        if (i > from && unit === pool[(starts[i - 1] as number) + depth]) continue;
        const symbol = alphabet[unit] as number;
        if (previous >= 0) runTo[previous] = i;
        insertSorted(symbols, count++, symbol);
        runFrom[symbol] = i;
        previous = symbol;
      }
      runTo[previous] = to;
      const base = trie.place(state, symbols, count);
      for (let c = 0; c < count; c++) {
        const symbol = symbols[c] as number;
        const first = runFrom[symbol] as number;
        if (lengthOf(first) === depth + 1) trie.patterns[base + symbol] = first;
        queue.push(base + symbol, first, runTo[symbol] as number);
      }
    }
  }
  return { ...trie.finish(), alphabet, units };
}

/** Inserts `value` into the ascending `values[0 .. count)`; nodes have few children, so this beats sort(). */
function insertSorted(values: Int32Array, count: number, value: number): void {
  let at = count;
  while (at > 0 && (values[at - 1] as number) > value) {
    values[at] = values[at - 1] as number;
    at--;
  }
  values[at] = value;
}
