import type { Card } from '@/lib/pack/types';

/** Props of the chooser shown when one term refers to several cards. */
export interface CardChooserProps {
  cards: readonly Card[];
  selectedId: string;
  onSelect: (cardId: string) => void;
}

/**
 * Lets the reader pick among the cards a term refers to ("Founding Act" may be two
 * documents). Toggle buttons, so the current choice is announced as pressed.
 */
export function CardChooser({ cards, selectedId, onSelect }: CardChooserProps) {
  if (cards.length < 2) return null;
  return (
    <fieldset class="bs-chooser">
      <legend class="bs-chooser__legend">This term refers to {cards.length} cards</legend>
      <div class="bs-chooser__options">
        {cards.map((card) => (
          <button
            type="button"
            key={card.id}
            class="bs-chip-button"
            dir="auto"
            aria-pressed={card.id === selectedId}
            onClick={() => onSelect(card.id)}
          >
            {card.title}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
