import type { CatalogEntry } from './catalog';
import { foldWords } from './fold-words';
import { buildIndex, type PackedIndex } from './packed-index';

/** What the reader asked for: words typed in the search box and an optional tag. */
export interface CardQuery {
  text: string;
  tag?: string;
}

// Points for a query word found in each field (title, aliases, tags, summary), plus one
// when it is the whole word rather than a prefix of it.
const FIELD_POINTS = [8, 6, 4, 1];
const PHRASE_POINTS = 8;
const TITLE_START_POINTS = 6;
// A haystack check (one indexOf) costs about as much as walking this many postings.
const VERIFY_COST = 24;

/** The working state of one query, round by round (one round per query word). */
interface Run {
  points: Int32Array;
  best: Int32Array;
  /** stamp[i] === round while entry i has matched every word so far. */
  stamp: Int32Array;
  round: number;
  hits: number[];
}

/**
 * Search over catalog entries with an inverted index. A query word is a prefix, so it
 * covers a range of the sorted words, found by binary search. Scanning 10,000 haystacks
 * instead costs 5–15 ms a keystroke on a slow machine; this costs one or two.
 */
export class SearchIndex {
  private readonly packed: PackedIndex;
  private readonly words: string[];
  private lastOrder: { order: readonly CatalogEntry[]; positions: Int32Array } | undefined;

  /** Builds the index over `entries`, or restores it from `packed` (see `pack`). */
  constructor(
    private readonly entries: readonly CatalogEntry[],
    packed?: PackedIndex,
  ) {
    this.packed = packed ?? buildIndex(entries);
    this.words = this.packed.words === '' ? [] : this.packed.words.split('\n');
  }

  /** The index in its storable form. */
  pack(): PackedIndex {
    return this.packed;
  }

  /**
   * Entries matching the query, best first. Every query word must start a word of the
   * entry's title, aliases, tags or summary (case and accents ignored: "hag" finds "The
   * Hague summit"). Ties keep the order of `order`, the list order the reader sees.
   */
  search(query: CardQuery, order: readonly CatalogEntry[] = this.entries): CatalogEntry[] {
    const { tag } = query;
    const words = foldWords(query.text);
    if (words.length === 0) return tag ? order.filter((entry) => entry.tags.includes(tag)) : [...order];
    const points = this.score(words);
    if (!points) return [];
    const phrase = words.map((word) => ` ${word}`).join('');
    const positions = this.positionsOf(order);
    const totals = new Int32Array(order.length);
    let best = 0;
    for (let k = 0; k < order.length; k++) {
      const entry = order[k] as CatalogEntry;
      const p = points[positions[k] as number] ?? 0;
      if (p === 0 || (tag !== undefined && !entry.tags.includes(tag))) continue;
      const total = p + phraseBonus(entry.haystack, phrase, words.length);
      totals[k] = total;
      if (total > best) best = total;
    }
    return rankByTotal(order, totals, best);
  }

  /**
   * Readies the index for searches in `order` (the list positions, compiled code), so the
   * first keystroke costs what the others do. Call it when the browser is idle.
   */
  prepare(order: readonly CatalogEntry[]): void {
    this.positionsOf(order);
    // One throwaway search: the engine compiles the hot loops now rather than on the
    // reader's first keystroke, the slowest of all otherwise.
    this.search({ text: 'e' }, order);
  }

  /** Index positions of the entries of `order` (-1 when not indexed), kept for the next call. */
  private positionsOf(order: readonly CatalogEntry[]): Int32Array {
    if (this.lastOrder?.order === order) return this.lastOrder.positions;
    const position = new Map(this.entries.map((entry, i) => [entry, i]));
    const positions = Int32Array.from(order, (entry) => position.get(entry) ?? -1);
    this.lastOrder = { order, positions };
    return positions;
  }

  /**
   * Points per entry (0: some word missing). The rarest word goes first; a later word
   * whose postings outnumber the entries still in the running is looked up in those
   * entries' haystacks instead ("hague s": thousands of words start with "s").
   */
  private score(words: readonly string[]): Int32Array | undefined {
    const { start } = this.packed;
    const size = (from: number, to: number) => (start[to] as number) - (start[from] as number);
    const ranges = words
      .map((word) => ({ word, from: this.lowerBound(word), to: this.lowerBound(`${word}\uffff`) }))
      .sort((a, b) => size(a.from, a.to) - size(b.from, b.to));
    const n = this.entries.length;
    const run: Run = {
      points: new Int32Array(n),
      best: new Int32Array(n),
      stamp: new Int32Array(n),
      round: 0,
      hits: [],
    };
    let alive: number[] | undefined;
    for (const [round, { word, from, to }] of ranges.entries()) {
      run.round = round;
      run.hits = [];
      if (alive && alive.length * VERIFY_COST < size(from, to)) this.verify(run, alive, word);
      else this.walkPostings(run, word, from, to);
      alive = run.hits;
      if (alive.length === 0) return undefined;
    }
    const matched = new Int32Array(n);
    for (const i of alive ?? []) matched[i] = run.points[i] as number;
    return matched;
  }

  /** Scores one query word from its postings: each entry gets its best word of the range. */
  private walkPostings(run: Run, word: string, from: number, to: number): void {
    const { start, entryAt, fieldAt } = this.packed;
    const { stamp, best, hits, round, points } = run;
    for (let w = from; w < to; w++) {
      const whole = this.words[w]?.length === word.length ? 1 : 0;
      const end = start[w + 1] as number;
      for (let at = start[w] as number; at < end; at++) {
        const i = entryAt[at] as number;
        const p = (FIELD_POINTS[fieldAt[at] as number] as number) + whole;
        if (stamp[i] === round) {
          stamp[i] = round + 1;
          best[i] = p;
          hits.push(i);
        } else if (stamp[i] === round + 1 && p > (best[i] as number)) best[i] = p;
      }
    }
    for (const i of hits) points[i] = (points[i] as number) + (best[i] as number);
  }

  /** Scores one query word by looking into the haystacks of the entries still in the running. */
  private verify(run: Run, alive: readonly number[], word: string): void {
    const needle = ` ${word}`;
    for (const i of alive) {
      const haystack = this.entries[i]?.haystack ?? '';
      const at = haystack.indexOf(needle);
      if (at === -1) continue;
      const whole = isWordEnd(haystack.charCodeAt(at + needle.length)) ? 1 : 0;
      run.stamp[i] = run.round + 1;
      run.points[i] = (run.points[i] as number) + (FIELD_POINTS[fieldOf(haystack, at)] as number) + whole;
      run.hits.push(i);
    }
  }

  /** The first position of the sorted words not below `prefix`. */
  private lowerBound(prefix: string): number {
    let lo = 0;
    let hi = this.words.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.words[mid] as string) < prefix) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Extra points when the query starts the title, or is a phrase of the title or an alias. */
function phraseBonus(haystack: string, phrase: string, wordCount: number): number {
  let bonus = haystack.startsWith(phrase) ? TITLE_START_POINTS : 0;
  if (wordCount > 1) {
    const aliasesEnd = haystack.indexOf('\n', haystack.indexOf('\n') + 1);
    // Searching backwards from the end of the aliases never reads the long summary.
    if (haystack.lastIndexOf(phrase, aliasesEnd - phrase.length) !== -1) bonus += PHRASE_POINTS;
  }
  return bonus;
}

/** The field (0 title … 3 summary) holding position `at` of a haystack. */
function fieldOf(haystack: string, at: number): number {
  let field = 0;
  for (let end = haystack.indexOf('\n'); end !== -1 && end < at; end = haystack.indexOf('\n', end + 1))
    field++;
  return field;
}

/** True after a word's last character: a separator or the end of the haystack. */
function isWordEnd(char: number): boolean {
  return Number.isNaN(char) || char === 32 || char === 9 || char === 10;
}

/**
 * The entries with a total above zero, highest total first, ties in their given order: a
 * counting sort, linear in the list (10,000 results are common for a first letter).
 */
function rankByTotal(order: readonly CatalogEntry[], totals: Int32Array, best: number): CatalogEntry[] {
  const next = new Int32Array(best + 1);
  for (const total of totals) if (total > 0) next[total] = (next[total] as number) + 1;
  let at = 0;
  for (let total = best; total > 0; total--) {
    const count = next[total] as number;
    next[total] = at;
    at += count;
  }
  const ranked = new Array<CatalogEntry>(at);
  totals.forEach((total, k) => {
    if (total === 0) return;
    const slot = next[total] as number;
    next[total] = slot + 1;
    ranked[slot] = order[k] as CatalogEntry;
  });
  return ranked;
}
