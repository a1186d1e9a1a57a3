import { compileMatcher } from '../../../lib/match';
import { found, matcherFor, termFinds } from './helpers';

describe('choosing mentions', () => {
  it('takes the longest term at a place, not its parts', () => {
    const matcher = matcherFor({ nato: ['NATO'], russia: ['Russia'], act: ['NATO–Russia Founding Act'] });
    const mentions = matcher.find('The NATO–Russia Founding Act was signed.');
    expect(mentions).toHaveLength(1);
    expect(mentions[0]?.cardIds).toEqual(['act']);
  });

  it('takes the leftmost mention when two overlap', () => {
    const matcher = matcherFor({ a: ['New York'], b: ['York City'] });
    expect(found(matcher, 'New York City')).toEqual(['New York']);
  });

  it('uses the shorter term when the longer one does not end on a word boundary', () => {
    const matcher = matcherFor({ a: ['New York'], b: ['New York Cit'] });
    expect(found(matcher, 'New York City')).toEqual(['New York']);
  });

  it('finds adjacent mentions', () => {
    const matcher = matcherFor({ a: ['Paris'], b: ['London'] });
    expect(found(matcher, 'Paris London Paris,London')).toEqual(['Paris', 'London', 'Paris', 'London']);
  });

  it('reports every card that shares a term, sorted and once each', () => {
    const matcher = compileMatcher([
      { term: 'Georgia', cardId: 'us-state' },
      { term: 'Georgia', cardId: 'country' },
      { term: 'georgia', cardId: 'country' },
    ]);
    expect(matcher.find('Georgia')[0]?.cardIds).toEqual(['country', 'us-state']);
  });

  it('hands out a list of card ids of its own with each mention', () => {
    const matcher = compileMatcher([
      { term: 'Georgia', cardId: 'us-state' },
      { term: 'Georgia', cardId: 'country' },
    ]);
    matcher.find('Georgia')[0]?.cardIds.push('added by the caller');
    const [first, second] = matcher.find('Georgia, Georgia').map((m) => m.cardIds);
    expect(first).toEqual(['country', 'us-state']);
    first?.pop();
    expect(second).toEqual(['country', 'us-state']);
  });

  it('refers to one card through any of its terms', () => {
    const matcher = matcherFor({ kyiv: ['Kyiv', 'Kiev'] });
    expect(matcher.find('Kiev or Kyiv').map((m) => m.cardIds)).toEqual([['kyiv'], ['kyiv']]);
  });

  it('finds every term of a dictionary whose trie has over a thousand nodes on one level', () => {
    // Every word of a given length over a few letters. Five letters over six: 1,296 nodes at
    // depth four, more than the builder's queue first holds. Eleven over two: 1,024 nodes at
    // depth ten, which fill it exactly, so it wraps around without growing.
    for (const [letters, length] of [
      ['abcdef', 5],
      ['ab', 11],
    ] as const) {
      let words = [''];
      for (let i = 0; i < length; i++) words = words.flatMap((w) => [...letters].map((l) => w + l));
      const matcher = compileMatcher(words.map((term) => ({ term, cardId: term })));
      const text = words.join(' ');
      const mentions = matcher.find(text);
      expect(mentions).toHaveLength(words.length);
      expect(mentions.every((m) => m.cardIds[0] === text.slice(m.start, m.end))).toBe(true);
    }
  });

  it('ignores terms shorter than two characters', () => {
    expect(termFinds('A', 'A is a letter')).toEqual([]);
    expect(termFinds('Ö', 'Ö')).toEqual([]);
    expect(termFinds('中', '中国')).toEqual([]);
    expect(termFinds('ß', 'ß ss')).toEqual([]);
    expect(termFinds('Io', 'Io is a moon')).toEqual(['Io']);
  });

  it('returns nothing for a matcher without terms', () => {
    expect(compileMatcher([]).find('anything at all')).toEqual([]);
  });
});
