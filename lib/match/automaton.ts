/**
 * The trie of all folded keys, in a double array. A mention can only start where a word
 * can start, so the matcher walks this trie from each such place instead of running an
 * Aho–Corasick automaton over every character (see docs/matching.md for the measurements
 * behind that choice). Built breadth-first over the sorted keys, which puts the shallow,
 * hot states next to each other and needs no intermediate pointer trie.
 */
import { type Alphabet, alphabetOf } from './alphabet';
import { CELL, DoubleArrayBuilder } from './double-array';
import { RangeQueue } from './range-queue';

/**
 * Marks a tail state: its cell's base is `~(TAIL + offset)`, and `tails[offset]` is the
 * length of the rest of its one key, which follows in `tails`.
 */
export const TAIL = 1 << 29;

/** A compiled trie; pattern `p` is the p-th sorted key. */
export interface Automaton {
  /**
   * Two ints per state, base and check (double-array.ts). The base is stored as `~base` when
   * a pattern ends at the state, and as `~(TAIL + offset)` for a tail state.
   */
  cells: Int32Array;
  /** Per state: the pattern that ends there (or at the end of its tail), or -1. */
  patterns: Int32Array;
  /**
   * The ends of keys that share no prefix with any other key below some state, as
   * [length, ...units] runs: one sequential compare instead of a state per character,
   * which for 119k city names removes most states and most cache misses of a walk.
   */
  tails: Uint16Array;
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
  const tails = new Uint16Array(totalUnits + keys.length);
  let tailEnd = 0;
  const tailStates: number[] = [];
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
        const child = base + symbol;
        const first = runFrom[symbol] as number;
        const last = runTo[symbol] as number;
        const rest = lengthOf(first) - depth - 1;
        if (rest === 0) trie.patterns[child] = first;
        if (rest > 0 && last - first === 1) {
          // One key continues below this state, and no other: keep its rest as a tail.
          trie.patterns[child] = first;
          tailStates.push(child, tailEnd);
          tails[tailEnd++] = rest;
          for (let at = (starts[first] as number) + depth + 1; at < (starts[first + 1] as number); at++) {
            tails[tailEnd++] = pool[at] as number;
          }
        } else if (last - first > (rest === 0 ? 1 : 0)) queue.push(child, first, last);
      }
    }
  }
  const { cells, patterns } = trie.finish();
  for (let i = 0; i < tailStates.length; i += 2) {
    cells[(tailStates[i] as number) * CELL] = ~(TAIL + (tailStates[i + 1] as number));
  }
  return { cells, patterns, tails: tails.slice(0, tailEnd), alphabet, units };
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
