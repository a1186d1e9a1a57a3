import { measureRange } from '../highlights';
import type { PaintedMention } from '../mention-store';
import { findByLiveEnd, findMention } from './mention-index';
import type { Follower, Point } from './position';

/** How a card was opened; it decides what may close it. */
export type Origin = 'hover' | 'tap' | 'keyboard';

/** How to open a card. */
export interface OpenOptions {
  origin: Origin;
  /** Move focus into the card (keyboard commands and the popup's "On this page"). */
  focus?: boolean;
  /** Where the pointer is: a mention broken into pieces apart gets the card at the hovered one. */
  point?: Point;
  /** Which of the mention's cards to show first. */
  cardId?: string;
}

/** The card open on the page, and what the session needs to keep it with its mention. */
export interface OpenCard {
  /** Undefined while its mention is gone and the card stays for the reader (see CardSession.refresh). */
  index: number | undefined;
  /** The mention's own (static) range, to find it again after a rescan. */
  range: AbstractRange;
  /** A live Range over it, which the card follows, and which moves with edits to its text. */
  live: Range;
  /** The mention's text when the card opened: a rescan finds the mention again only with it. */
  text: string;
  cardIds: string[];
  cardId: string;
  origin: Origin;
  pinned: boolean;
  dir: 'ltr' | 'rtl';
  status?: string;
  returnFocus: HTMLElement | null;
  follower: Follower | undefined;
}

/** A hover never downgrades a card the reader tapped open or reached by keyboard. */
export const ORIGIN_RANK: Record<Origin, number> = { hover: 0, tap: 1, keyboard: 2 };

/**
 * The open card's mention among `mentions` after a rescan, with the same text as when the
 * card opened: where the card's live Range has moved with the text (the page put text before
 * it or right at its start, see findByLiveEnd), else at the painted range's ends, else (the
 * page replaced the text node whole, which collapses the live Range: a ticker, a framework's
 * re-render) a mention of the same card painted about where the card's mention was last seen.
 */
export function findOpenMention(mentions: readonly PaintedMention[], open: OpenCard): number | undefined {
  const sameText = (i: number | undefined) =>
    i !== undefined &&
    measureRange((mentions[i] as PaintedMention).range, (live) => live.toString()) === open.text;
  const found = [findByLiveEnd(mentions, open.live), findMention(mentions, open.range)].find(sameText);
  if (found !== undefined) return found;
  const box = open.follower?.lastBox();
  // Without layout (a box of no size) there is no place to compare.
  if (!box || box.width === 0 || box.height === 0) return undefined;
  const i = mentions.findIndex(
    ({ range, cardIds }, k) =>
      cardIds.includes(open.cardId) &&
      sameText(k) &&
      measureRange(range, (live) => overlap(box, live.getBoundingClientRect())),
  );
  return i < 0 ? undefined : i;
}

/** Whether two boxes overlap: the mention is about where it was. */
function overlap(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}
