import type { Card } from '../../pack/types';
import type { Preferences } from '../../protocol/preferences';

/** Everything the card shows, and the only ways it can act: the callbacks. */
export interface CardModel {
  card: Card;
  /** Every card the mention refers to, when there are several (the reader picks one). */
  choices?: readonly Card[];
  /** The related cards that can be shown in place (those the page's data includes). */
  related?: readonly Card[];
  pinned?: boolean;
  theme?: Preferences['theme'];
  /** Writing direction of the text around the mention, so RTL pages get a mirrored card. */
  dir?: 'ltr' | 'rtl';
  status?: string;
  onSelect: (cardId: string) => void;
  onPin: (pinned: boolean) => void;
  onClose: () => void;
  onEdit: () => void;
  onHide: () => void;
}

/**
 * The card's UI as the content script sees it. `lib/` may not import `components/` (see
 * tests/unit/boundaries.test.ts), so the Preact card in components/card implements this and
 * the entrypoint hands it over.
 */
export interface CardRenderer {
  /** The stylesheet for the card's shadow root. */
  css: string;
  /** Renders the card into `target`, or empties it for `null`. */
  render(model: CardModel | null, target: HTMLElement): void;
}
