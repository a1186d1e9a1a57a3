import type { Card } from '../../pack/types';
import type { MentionStore } from '../mention-store';

/**
 * The cards this page can show: those that arrived with the mentions, minus the ones the
 * reader just chose not to see on this site. The next scan leaves those out anyway; until
 * it lands, their mentions stop opening cards here.
 */
export class PageCards {
  private readonly hidden = new Set<string>();

  constructor(private readonly store: MentionStore) {}

  /** The card with this id, unless the page has no data for it or the reader hid it. */
  get(id: string): Card | undefined {
    // Own properties only: a related id such as "constructor" is no card of the page's.
    const { cards } = this.store;
    return this.hidden.has(id) || !Object.hasOwn(cards, id) ? undefined : cards[id];
  }

  /** The cards among `ids` that can be shown, in order. */
  pick(ids: readonly string[] = []): Card[] {
    return ids.flatMap((id) => this.get(id) ?? []);
  }

  /** The ids of the cards mention `index` can show; empty when it shows none. */
  ofMention(index: number): string[] {
    return this.pick(this.store.mentions[index]?.cardIds).map((card) => card.id);
  }

  /** Stops showing a card on this page until the next scan. */
  hide(id: string): void {
    this.hidden.add(id);
  }

  /** A new scan arrived: it already reflects every choice the reader made. */
  reset(): void {
    this.hidden.clear();
  }
}
