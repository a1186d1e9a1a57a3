import { toStoredCard } from '@/lib/db/cards';
import { toCatalogEntry } from '@/lib/search/catalog';
import { withRecentFirst } from '@/lib/search/order';
import { makeCard } from '../factories';
import { entry as catalogEntry, storedCard } from './helpers';

describe('toCatalogEntry', () => {
  it('lays the folded words out field by field, weightiest first', () => {
    const entry = toCatalogEntry(
      storedCard({
        title: 'The Hague summit',
        aliases: ['Hague Summit Declaration', 'NATO summit 2025'],
        tags: ['summit', 'defence'],
        summary: 'Allies met in The Hague and agreed on spending.',
      }),
    );
    expect(entry.haystack).toBe(
      ' the hague summit\n hague summit declaration\t nato summit 2025\n defence\n allies met in and agreed on spending\n',
    );
  });

  it('cuts a long summary to a snippet at a word', () => {
    const entry = toCatalogEntry(storedCard({ summary: `${'word '.repeat(100)}end` }));
    expect(entry.snippet.length).toBeLessThanOrEqual(161);
    expect(entry.snippet.endsWith('word…')).toBe(true);
  });

  it('keeps a summary of exactly the snippet length whole, and cuts one without spaces at that length', () => {
    const exact = `${'word '.repeat(31)}words`;
    expect(exact).toHaveLength(160);
    expect(toCatalogEntry(storedCard({ summary: exact })).snippet).toBe(exact);
    expect(toCatalogEntry(storedCard({ summary: 'x'.repeat(200) })).snippet).toBe(`${'x'.repeat(160)}…`);
  });

  it('tells the cards the reader wrote or edited from those a pack brought unchanged', () => {
    const card = makeCard({ id: 'x', title: 'X' });
    const times = { created: 1, modified: 1 };
    expect(toCatalogEntry(toStoredCard(card, { pack: 'seeds', edited: false, ...times })).yours).toBe(false);
    expect(toCatalogEntry(toStoredCard(card, { pack: 'seeds', edited: true, ...times })).yours).toBe(true);
    expect(toCatalogEntry(toStoredCard(card, { edited: false, ...times })).yours).toBe(true);
  });

  it('keeps the title, tags and modification time for the list', () => {
    const entry = toCatalogEntry(storedCard({ id: 'x', title: 'X', tags: ['a'] }, 42));
    expect(entry).toMatchObject({ id: 'x', title: 'X', tags: ['a'], modified: 42 });
  });
});

describe('withRecentFirst', () => {
  it('lists the recently used cards first in the order they were used, then the rest as given', () => {
    const entries = ['a', 'b', 'c', 'd'].map((id) => catalogEntry({ id }));
    const order = withRecentFirst(entries, ['c', 'gone', 'a']);
    expect(order.map((e) => e.id)).toEqual(['c', 'a', 'b', 'd']);
  });
});
