import type { PaintedMention } from '../mention-store';
import { findByLiveEnd, findMention } from './mention-index';

/**
 * The mention shown last, remembered after its card closes so that keyboard navigation goes
 * on from it. It is kept twice: the painted range it had, and a live Range over it, which
 * the DOM moves with the text when the page edits it (see findByLiveEnd). One live Range
 * costs the page's own DOM work next to nothing (thousands did: see mentionRange in
 * highlights.ts).
 */
export class LastShown {
  private painted: AbstractRange | undefined;
  private live: Range | undefined;

  /** Remembers the mention painted at `painted`, with a live Range over the same text. */
  set(painted: AbstractRange, live: Range): void {
    this.painted = painted;
    this.live = live;
  }

  /** Where that mention is among `mentions` now; undefined when it is no longer painted. */
  indexIn(mentions: readonly PaintedMention[]): number | undefined {
    const moved = this.live ? findByLiveEnd(mentions, this.live) : undefined;
    return moved ?? (this.painted ? findMention(mentions, this.painted) : undefined);
  }
}
