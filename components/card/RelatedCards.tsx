import type { Card } from '@/lib/pack/types';
import { CardSection } from './CardSection';

/** Props of the related-cards list. */
export interface RelatedCardsProps {
  cards: readonly Card[];
  /** Shows the chosen card in place of the current one. */
  onSelect: (cardId: string) => void;
}

/** Buttons that switch the card in place to a related card. */
export function RelatedCards({ cards, onSelect }: RelatedCardsProps) {
  if (cards.length === 0) return null;
  return (
    <CardSection label="Related">
      {(labelId) => (
        <ul class="bs-related" aria-labelledby={labelId}>
          {cards.map((card) => (
            <li key={card.id}>
              <button type="button" class="bs-link-button" dir="auto" onClick={() => onSelect(card.id)}>
                {card.title}
              </button>
            </li>
          ))}
        </ul>
      )}
    </CardSection>
  );
}
