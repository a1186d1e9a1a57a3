import { SearchIndex } from '@/lib/search/search-index';
import { entry } from './helpers';

const hague = entry({
  id: 'hague',
  title: '2025 The Hague summit',
  aliases: ['Hague summit'],
  tags: ['summit'],
});
const rutte = entry({
  id: 'rutte',
  title: 'Mark Rutte',
  aliases: ['Rutte'],
  tags: ['people'],
  summary: 'NATO Secretary General since 2024, born in The Hague.',
});
const kyiv = entry({
  id: 'kyiv',
  title: 'Kyïv',
  aliases: ['Kiev'],
  tags: ['place'],
  summary: 'Capital of Ukraine.',
});
const entries = [hague, rutte, kyiv];

function ids(query: string, tag?: string, order = entries): string[] {
  return new SearchIndex(entries).search({ text: query, ...(tag ? { tag } : {}) }, order).map((e) => e.id);
}

describe('SearchIndex', () => {
  it('finds a card by the start of a word of its title', () => {
    expect(ids('hag')).toEqual(['hague', 'rutte']);
  });

  it('ranks a title match above a summary match', () => {
    // The summary match comes first in the given order, so only the ranking can swap them.
    expect(ids('hague', undefined, [rutte, hague, kyiv])).toEqual(['hague', 'rutte']);
  });

  it('ignores case and accents in the query and in the card', () => {
    expect(ids('KYIV')).toEqual(['kyiv']);
    expect(ids('kyïv')).toEqual(['kyiv']);
  });

  it('needs every query word, in any field', () => {
    expect(ids('secretary hague')).toEqual(['rutte']);
    expect(ids('secretary kyiv')).toEqual([]);
  });

  it('searches aliases, tags and summaries', () => {
    expect(ids('kiev')).toEqual(['kyiv']);
    expect(ids('people')).toEqual(['rutte']);
    expect(ids('capital')).toEqual(['kyiv']);
  });

  it('does not match the middle of a word', () => {
    expect(ids('ague')).toEqual([]);
  });

  it('filters by tag, with or without words', () => {
    expect(ids('', 'place')).toEqual(['kyiv']);
    expect(ids('hague', 'people')).toEqual(['rutte']);
  });

  it('lists everything in the given order for an empty query', () => {
    expect(ids('  ', undefined, [kyiv, hague, rutte])).toEqual(['kyiv', 'hague', 'rutte']);
  });

  it('keeps the given order among equally good matches', () => {
    const a = entry({ id: 'a', title: 'Summit A' });
    const b = entry({ id: 'b', title: 'Summit B' });
    expect(new SearchIndex([a, b]).search({ text: 'summit' }, [b, a]).map((e) => e.id)).toEqual(['b', 'a']);
  });

  it('ranks a phrase of the title above the same words apart', () => {
    const apart = entry({ id: 'apart', title: 'Summit of The Hague region' });
    const index = new SearchIndex([apart, hague]);
    expect(index.search({ text: 'hague summit' }).map((e) => e.id)).toEqual(['hague', 'apart']);
  });

  it('works the same when restored from its packed form', () => {
    const packed = new SearchIndex(entries).pack();
    const restored = new SearchIndex(entries, packed);
    expect(restored.search({ text: 'rut' }).map((e) => e.id)).toEqual(['rutte']);
    // Restoring uses the packed form as it is rather than building the index again.
    expect(restored.pack()).toBe(packed);
  });

  it('checks a common later word in the remaining haystacks with the same result', () => {
    const many = Array.from({ length: 200 }, (_, i) =>
      entry({
        id: `c${i}`,
        title: `Card ${i}`,
        summary: `some sample words s${i} so ${i === 7 ? 'zebra' : ''}`,
      }),
    );
    expect(new SearchIndex(many).search({ text: 'zebra s' }).map((e) => e.id)).toEqual(['c7']);
  });

  it('finds nothing in an empty catalog', () => {
    expect(new SearchIndex([]).search({ text: 'a' })).toEqual([]);
  });
});
