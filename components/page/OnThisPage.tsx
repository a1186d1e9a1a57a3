import { useEffect, useId, useState } from 'preact/hooks';
import type { PageCard } from '@/lib/protocol/messages';
import type { ManagerEnv, TargetTab } from '../manager/env';

/** Props of the "On this page" list. */
export interface OnThisPageProps {
  tab: TargetTab | undefined;
  env: Pick<ManagerEnv, 'requestTab'>;
  /** After the page scrolled to the card's mention (the popup then closes). */
  onRevealed(card: PageCard): void;
}

type Mentions = { status: 'loading' } | { status: 'unreadable' } | { status: 'ready'; cards: PageCard[] };

const mentionCount = (count: number) => `${count} ${count === 1 ? 'mention' : 'mentions'}`;

/**
 * The cards the current tab mentions, in order of first mention, with their counts.
 * Choosing one scrolls the page to its first mention and opens its card there.
 */
export function OnThisPage({ tab, env, onRevealed }: OnThisPageProps) {
  const [mentions, setMentions] = useState<Mentions>({ status: 'loading' });
  // The card whose mention was gone when chosen: the page changed since the list was read.
  const [gone, setGone] = useState<string | undefined>();
  const goneId = useId();
  useEffect(() => {
    if (!tab) return setMentions({ status: 'unreadable' });
    let current = true;
    env.requestTab(tab.id, 'tab.mentions', {}).then(
      ({ cards }) => current && setMentions({ status: 'ready', cards }),
      () => current && setMentions({ status: 'unreadable' }),
    );
    return () => {
      current = false;
    };
  }, [tab, env]);

  if (mentions.status === 'loading') return <p role="status">Reading the page…</p>;
  if (mentions.status === 'unreadable' || !tab) {
    return (
      <p class="calm" role="status">
        Backstory can’t read this page. It works on ordinary web pages (http and https), once they have
        loaded.
      </p>
    );
  }
  if (mentions.cards.length === 0) {
    return (
      <p class="calm" role="status">
        This page mentions none of your cards.
      </p>
    );
  }
  const reveal = async (card: PageCard) => {
    setGone(undefined);
    const { found } = await env
      .requestTab(tab.id, 'tab.reveal', { cardId: card.id })
      .catch(() => ({ found: false }));
    if (found) onRevealed(card);
    else setGone(card.id);
  };
  return (
    <ol class="page-cards" aria-label="Cards on this page">
      {mentions.cards.map((card) => (
        <li key={card.id}>
          <button
            type="button"
            class="page-cards__button"
            aria-describedby={gone === card.id ? goneId : undefined}
            onClick={() => void reveal(card)}
          >
            <span class="page-cards__title" dir="auto">
              {card.title}
            </span>
            <span class="page-cards__count">{mentionCount(card.count)}</span>
          </button>
          {gone === card.id && (
            <p id={goneId} class="page-cards__gone" role="alert" dir="auto" ref={revealMessage}>
              “{card.title}” is no longer on the page.
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

// The message sits under the item just chosen, where the reader is looking; at the end of
// a long list it can fall below the popup's edge, so it is scrolled into view too.
const revealMessage = (element: HTMLElement | null) => element?.scrollIntoView?.({ block: 'nearest' });
