/**
 * Which cards each pattern names, in flat typed arrays (see Dictionary), plus the card ids.
 */
import type { CardIds } from './card-ids';

/** The pattern-to-card part of a compiled matcher. */
export class CardTable {
  private readonly shared = new Map<number, string[]>();

  constructor(
    /** Pattern p's cards are `cards[cardStart[p] .. cardStart[p + 1])`. */
    readonly cardStart: Int32Array,
    /** Cards from `exactStart[p]` on named pattern p only in all capitals. */
    readonly exactStart: Int32Array,
    readonly cards: Int32Array,
    /** Card i's id is `ids.at(i)`. */
    readonly ids: CardIds,
  ) {}

  /** How many patterns (distinct folded terms) there are. */
  get patternCount(): number {
    return this.exactStart.length;
  }

  /** Whether some card names pattern `p` in a form that matches any case. */
  anyCase(p: number): boolean {
    return (this.exactStart[p] as number) > (this.cardStart[p] as number);
  }

  /** Whether some card names pattern `p` only in all capitals. */
  exactCase(p: number): boolean {
    return (this.cardStart[p + 1] as number) > (this.exactStart[p] as number);
  }

  /** Sorted ids of the cards pattern `p` refers to; the all-capitals ones only if `withExact`. */
  idsFor(p: number, withExact: boolean): string[] {
    const from = this.cardStart[p] as number;
    const to = withExact ? (this.cardStart[p + 1] as number) : (this.exactStart[p] as number);
    if (to - from === 1) return [this.ids.at(this.cards[from] as number)];
    // A term shared by several cards is rare: sort and merge once, then hand out copies.
    const key = withExact ? -1 - p : p;
    let ids = this.shared.get(key);
    if (ids === undefined) {
      const all = new Set<string>();
      for (let i = from; i < to; i++) all.add(this.ids.at(this.cards[i] as number));
      ids = [...all].sort();
      this.shared.set(key, ids);
    }
    return ids.slice();
  }
}
