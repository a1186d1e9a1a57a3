import type { PaintedMention } from './mention-store';

/**
 * Cards the reader chose not to see on this site, from this page, until the background's
 * own answers know of the choice. Each is noted with the number of the full read under way
 * when the background had stored it: that read's scans, and any rescan's, may have been
 * answered from before the choice, so the card's mentions are left out of what they paint.
 * A full read started later asks after the choice; once it is done, leaving the card out is
 * the background's job (or marking it again, if the reader changed their mind in the popup).
 */
export class HiddenCards {
  private readonly since = new Map<string, number>();

  /** The choice about `cardId` is stored; `read` is the number of the latest full read started. */
  hide(cardId: string, read: number): void {
    this.since.set(cardId, read);
  }

  /** What the full read numbered `read` may paint of `mentions`; a rescan gives no number. */
  filter(mentions: PaintedMention[], read = Number.NEGATIVE_INFINITY): PaintedMention[] {
    const hidden = new Set<string>();
    for (const [id, at] of this.since) if (at >= read) hidden.add(id);
    if (hidden.size === 0) return mentions;
    return mentions.flatMap((mention) => {
      if (!mention.cardIds.some((id) => hidden.has(id))) return [mention];
      // A mention other cards share stays, with those cards only.
      const cardIds = mention.cardIds.filter((id) => !hidden.has(id));
      return cardIds.length > 0 ? [{ ...mention, cardIds }] : [];
    });
  }

  /** The full read numbered `read` is done: every answer it had came after the choices made before it. */
  settle(read: number): void {
    for (const [id, at] of this.since) if (at < read) this.since.delete(id);
  }
}
