import type { Card } from '@/lib/pack/types';

/** Props of the card list. */
export interface CardListProps {
  cards: Card[] | undefined;
}

/** The reader's cards, title and summary, in the order given. */
export function CardList({ cards }: CardListProps) {
  if (cards === undefined) return <p role="status">Loading cards…</p>;
  if (cards.length === 0) return <p role="status">No cards yet.</p>;
  return (
    <ul class="card-list" aria-label="Cards">
      {cards.map((card) => (
        <li key={card.id} class="card-list__item">
          <h2 class="card-list__title">{card.title}</h2>
          <p class="card-list__summary">{card.summary}</p>
        </li>
      ))}
    </ul>
  );
}
