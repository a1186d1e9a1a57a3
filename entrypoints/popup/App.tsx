import { CardList } from '@/components/CardList';
import { useLiveQuery } from '@/components/use-live-query';
import type { BackstoryDB } from '@/lib/db/schema';

/** The popup: the card manager. */
export function App({ db }: { db: BackstoryDB }) {
  const cards = useLiveQuery(() => db.cards.orderBy('modified').reverse().toArray(), [db]);
  return (
    <main class="popup">
      <h1 class="popup__heading">Backstory</h1>
      <CardList cards={cards} />
    </main>
  );
}
