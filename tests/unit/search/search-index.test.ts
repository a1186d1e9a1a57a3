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

  it('ranks an alias match above a tag match', () => {
    const tagged = entry({ id: 'tagged', title: 'Low orbit', aliases: [], tags: ['satellite'] });
    const aliased = entry({ id: 'aliased', title: 'High orbit', aliases: ['Satellite'], tags: [] });
    const index = new SearchIndex([tagged, aliased]);
    expect(index.search({ text: 'satellite' }).map((e) => e.id)).toEqual(['aliased', 'tagged']);
  });

  it('ranks a title that starts with the query above one that has it later', () => {
    const later = entry({ id: 'later', title: 'Summit in The Hague', aliases: [] });
    const first = entry({ id: 'first', title: 'Hague summit', aliases: [] });
    const index = new SearchIndex([later, first]);
    expect(index.search({ text: 'hague' }).map((e) => e.id)).toEqual(['first', 'later']);
  });

  it('ranks a whole word above a longer word the query only starts', () => {
    // Both titles start with the query, so only the whole-word point tells them apart.
    const longer = entry({ id: 'longer', title: 'Hagueland', aliases: [] });
    const whole = entry({ id: 'whole', title: 'Hague', aliases: [] });
    const index = new SearchIndex([longer, whole]);
    expect(index.search({ text: 'hague' }).map((e) => e.id)).toEqual(['whole', 'longer']);
  });

  it('scores each card by its best word of a prefix, whichever of its words the index meets first', () => {
    // "hag" covers "hag" then "hagen": the summary's word comes first in one card, last in the other.
    const other = entry({ id: 'other', title: 'Old hagfish', aliases: [], summary: 'A fish.' });
    const titleLast = entry({ id: 'title-last', title: 'Hagen', aliases: [], summary: 'Near hag.' });
    const titleFirst = entry({ id: 'title-first', title: 'Hag', aliases: [], summary: 'Near Hagen.' });
    for (const card of [titleLast, titleFirst]) {
      const found = new SearchIndex([other, card]).search({ text: 'hag' }).map((e) => e.id);
      expect(found).toEqual([card.id, 'other']);
    }
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

  it('gives the whole-word point to a common later word checked in the haystacks', () => {
    // "s" starts hundreds of words, so it is looked up in the two zebra cards' haystacks.
    const many = Array.from({ length: 200 }, (_, i) =>
      entry({ id: `c${i}`, title: `Card ${i}`, summary: `sample s${i}` }),
    );
    // The word ends at a space in one pair, at the tab closing an alias in the other.
    for (const [a, b] of [
      [{ title: 'Zebra sun' }, { title: 'Zebra s' }],
      [
        { title: 'Zebra', aliases: ['Sun', 'Other'] },
        { title: 'Zebra', aliases: ['S', 'Other'] },
      ],
    ]) {
      const longer = entry({ id: 'longer', aliases: [], ...a });
      const whole = entry({ id: 'whole', aliases: [], ...b });
      const index = new SearchIndex([...many, longer, whole]);
      expect(index.search({ text: 'zebra s' }, [longer, whole]).map((e) => e.id)).toEqual([
        'whole',
        'longer',
      ]);
    }
  });

  it('gives no phrase points for a phrase found only in the summary', () => {
    const apart = entry({ id: 'apart', title: 'Talks', aliases: [], summary: 'A summit in Hague.' });
    const phrase = entry({ id: 'phrase', title: 'Talks', aliases: [], summary: 'At the Hague summit.' });
    const index = new SearchIndex([apart, phrase]);
    expect(index.search({ text: 'hague summit' }).map((e) => e.id)).toEqual(['apart', 'phrase']);
  });

  it('leaves out entries of the list order that the index does not hold', () => {
    const indexed = entry({ id: 'indexed', title: 'Hague summit' });
    const added = entry({ id: 'added', title: 'Talks in Oslo' });
    const index = new SearchIndex([indexed]);
    expect(index.search({ text: 'hague' }, [added, indexed]).map((e) => e.id)).toEqual(['indexed']);
  });

  it('finds a prefix followed by letters beyond the Latin alphabet', () => {
    const moscow = entry({ id: 'moscow', title: 'Москва', aliases: [] });
    expect(new SearchIndex([moscow]).search({ text: 'мос' }).map((e) => e.id)).toEqual(['moscow']);
  });

  it('finds nothing in an empty catalog', () => {
    expect(new SearchIndex([]).search({ text: 'a' })).toEqual([]);
  });
});
