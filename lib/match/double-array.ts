/**
 * Builder for a double-array trie: two ints per state in one flat Int32Array, so state `s`
 * has a child on symbol `c` when `cells[2 * (base(s) + c) + 1] === s`. A state's check and
 * base share a cache line, so each step of a walk touches one line; 119k terms fit in a
 * few megabytes; and persisting the trie is a plain byte copy.
 */

/** Ints per state in `cells`: [base, check]. A terminal state stores its base as `~base`. */
export const CELL = 2;

/**
 * Places children into free slots. Free slots form a doubly linked list through `next` and
 * `prev`, with slot 0 (the root, never free) as its sentinel, so a node with one child, the
 * common case deep in the trie, is placed in constant time.
 */
export class DoubleArrayBuilder {
  cells: Int32Array;
  /** Per slot: the pattern that ends at this state, or -1. */
  patterns: Int32Array;
  private next: Int32Array;
  private prev: Int32Array;
  /** One past the highest slot in use. */
  private used = 1;

  constructor(
    capacity: number,
    private readonly symbolCount: number,
  ) {
    const size = Math.max(capacity, symbolCount + 2);
    this.cells = emptyCells(size);
    this.patterns = new Int32Array(size).fill(-1);
    this.next = new Int32Array(size);
    this.prev = new Int32Array(size);
    this.cells[1] = -2; // the root: in use, child of nothing
    this.linkFree(1, size);
  }

  /** Gives `state` children on `symbols` (ascending, at least one) and returns their base. */
  place(state: number, symbols: Int32Array, count: number): number {
    const first = symbols[0] as number;
    const last = symbols[count - 1] as number;
    let slot = this.next[0] as number;
    for (;;) {
      if (slot === 0) {
        slot = this.slots();
        this.grow();
      }
      const base = slot - first;
      if (base >= 0) {
        while (base + last >= this.slots()) this.grow();
        if (this.fits(base, symbols, count)) {
          this.claim(state, base, symbols, count);
          return base;
        }
      }
      slot = this.next[slot] as number;
    }
  }

  /**
   * The finished trie, trimmed so that `base(s) + c` is a valid slot for every state and
   * symbol, with terminal states flagged by a negative base.
   */
  finish(): { cells: Int32Array; patterns: Int32Array } {
    const slots = this.used + this.symbolCount + 1;
    const cells = emptyCells(slots);
    cells.set(this.cells.subarray(0, Math.min(slots, this.slots()) * CELL));
    const patterns = new Int32Array(slots).fill(-1);
    patterns.set(this.patterns.subarray(0, Math.min(slots, this.slots())));
    for (let slot = 0; slot < this.used; slot++) {
      if ((patterns[slot] as number) >= 0) cells[slot * CELL] = ~(cells[slot * CELL] as number);
    }
    return { cells, patterns };
  }

  private slots(): number {
    return this.cells.length / CELL;
  }

  private fits(base: number, symbols: Int32Array, count: number): boolean {
    for (let i = 0; i < count; i++)
      if (this.cells[(base + (symbols[i] as number)) * CELL + 1] !== -1) return false;
    return true;
  }

  private claim(state: number, base: number, symbols: Int32Array, count: number): void {
    this.cells[state * CELL] = base;
    for (let i = 0; i < count; i++) {
      const slot = base + (symbols[i] as number);
      this.cells[slot * CELL + 1] = state;
      const before = this.prev[slot] as number;
      const after = this.next[slot] as number;
      this.next[before] = after;
      this.prev[after] = before;
      if (slot >= this.used) this.used = slot + 1;
    }
  }

  private grow(): void {
    const old = this.slots();
    const cells = emptyCells(old * 2);
    cells.set(this.cells);
    this.cells = cells;
    const patterns = new Int32Array(old * 2).fill(-1);
    patterns.set(this.patterns);
    this.patterns = patterns;
    const next = new Int32Array(old * 2);
    next.set(this.next);
    this.next = next;
    const prev = new Int32Array(old * 2);
    prev.set(this.prev);
    this.prev = prev;
    this.linkFree(old, old * 2);
  }

  /** Appends slots `from .. to-1` to the end of the free list. */
  private linkFree(from: number, to: number): void {
    let tail = this.prev[0] as number;
    for (let slot = from; slot < to; slot++) {
      this.next[tail] = slot;
      this.prev[slot] = tail;
      tail = slot;
    }
    this.next[tail] = 0;
    this.prev[0] = tail;
  }
}

/** Cells for `slots` free states: base 0, check -1. */
function emptyCells(slots: number): Int32Array {
  const cells = new Int32Array(slots * CELL);
  for (let at = 1; at < cells.length; at += CELL) cells[at] = -1;
  return cells;
}
