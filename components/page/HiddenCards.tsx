import { useId, useRef, useState } from 'preact/hooks';
import { showCardOnSite } from '@/lib/db/reader-settings';
import type { BackstoryDB } from '@/lib/db/schema';
import type { ManagerEnv } from '../manager/env';
import { useLiveQuery } from '../use-live-query';

/** Props of the list of cards hidden on a site. */
export interface HiddenCardsProps {
  db: BackstoryDB;
  host: string;
  /** The ids hidden on the site ("Don't mark on this site" on a card), oldest first. */
  hiddenCards: readonly string[];
  env: Pick<ManagerEnv, 'refreshTabs'>;
  /** After the tabs have repainted with the card marked again. */
  onRestored(): void;
}

/** The cards not marked on this site, each with a button that marks it here again. */
export function HiddenCards({ db, host, hiddenCards, env, onRestored }: HiddenCardsProps) {
  const id = useId();
  const list = useRef<HTMLUListElement>(null);
  const said = useRef<HTMLParagraphElement>(null);
  const [message, setMessage] = useState('');
  // A deleted card can stay in the site's list; there is nothing of it left to mark.
  const cards = useLiveQuery(
    async () => (await db.cards.bulkGet([...hiddenCards])).flatMap((card) => (card ? [card] : [])),
    [db, hiddenCards.join('\n')],
  );
  if (!cards || (cards.length === 0 && !message)) return null;

  const markAgain = async (cardId: string, title: string, at: number) => {
    // The row goes away with its button: focus moves to a neighbour, or to the message
    // when none is left, so a keyboard reader is not dropped at the top of the page.
    const buttons = [...(list.current?.querySelectorAll('button') ?? [])];
    const next = buttons[at + 1] ?? buttons[at - 1];
    await showCardOnSite(db, host, cardId);
    setMessage(`“${title}” is marked on ${host} again.`);
    (next ?? said.current)?.focus();
    await env.refreshTabs().catch(console.debug);
    onRestored();
  };
  return (
    <section class="hidden-cards" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} class="panel__heading">
        Not marked on <span dir="auto">{host}</span>
      </h2>
      {cards.length > 0 && (
        <ul class="hidden-cards__list" ref={list}>
          {cards.map((card, at) => (
            <li key={card.id} class="hidden-cards__row">
              <span dir="auto">{card.title}</span>
              <button
                type="button"
                class="button button--quiet"
                onClick={() => void markAgain(card.id, card.title, at)}
              >
                Mark again<span class="visually-hidden"> “{card.title}”</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <p class="calm" role="status" tabIndex={-1} ref={said}>
        {message}
      </p>
    </section>
  );
}
