import type { PaintedMention } from './mention-store';
import { mergeByDocument, sortByDocument, stillFits } from './range-order';

/** A mention with its place in reading order. */
export interface Located {
  mention: PaintedMention;
  block: number;
  start: number;
}

const byBlock = (a: Located, b: Located) => a.block - b.block || a.start - b.start;

/**
 * A full read's mentions in page order as its groups come in (the blocks around the viewport
 * first, then the rest), up to `cap`: of each group, the first in page order. Block index,
 * then offset, is page order, with no DOM comparison, unless the page has components: their
 * shadow roots are read after the rest of it, and then the DOM gives the order.
 */
export class FirstReadOrder {
  private readonly found: Located[] = [];
  private ordered: PaintedMention[] = [];

  constructor(
    private readonly inShadows: boolean,
    private readonly cap: number,
  ) {}

  /** The mentions so far, in page order. */
  get mentions(): PaintedMention[] {
    return this.ordered;
  }

  /** Whether the cap is reached: the rest of the page need not be sent. */
  get full(): boolean {
    return this.ordered.length >= this.cap;
  }

  /** Takes a group's mentions (sorting them in place) and returns all so far, in page order. */
  add(group: Located[]): PaintedMention[] {
    const room = this.cap - this.ordered.length;
    if (this.inShadows) {
      // The page ran while the worker answered: text it took out meanwhile has no order.
      const taken = sortByDocument(group.map((f) => f.mention).filter((m) => stillFits(m.range)));
      this.ordered = mergeByDocument(
        this.ordered.filter((m) => stillFits(m.range)),
        taken.slice(0, room),
      );
    } else {
      this.found.push(...group.sort(byBlock).slice(0, room));
      this.found.sort(byBlock);
      this.ordered = this.found.map((f) => f.mention);
    }
    return this.ordered;
  }
}
