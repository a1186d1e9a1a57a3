import { compileMatcher } from '../../../lib/match';
import type { TermEntry } from '../../../lib/match/types';
import { found, matcherFor, termFinds } from './helpers';

describe('bad input', () => {
  it('skips empty and white-space-only terms', () => {
    const matcher = matcherFor({ a: ['', ' ', '\u00a0\n\t', '\u200b\u00ad'], b: ['Oslo'] });
    expect(found(matcher, ' Oslo  \u00a0\n\t ')).toEqual(['Oslo']);
  });

  it('skips terms made only of punctuation', () => {
    const matcher = matcherFor({ a: ['...', '--', '–', "''", '!!!', '()', '—'], b: ['Oslo'] });
    expect(found(matcher, '... -- – !!! () Oslo — ...')).toEqual(['Oslo']);
  });

  it('skips entries that are not strings', () => {
    const entries = [
      { term: 42, cardId: 'a' },
      { term: 'Oslo', cardId: null },
      { term: null, cardId: 'b' },
      null,
      { term: 'Bergen', cardId: 'c' },
    ] as unknown as TermEntry[];
    expect(compileMatcher(entries).find('Oslo Bergen')).toEqual([{ start: 5, end: 11, cardIds: ['c'] }]);
  });

  it('returns no mentions for an empty text or a text that is not a string', () => {
    const matcher = matcherFor({ a: ['Oslo'] });
    expect(matcher.find('')).toEqual([]);
    expect(matcher.find(undefined as unknown as string)).toEqual([]);
  });

  it('stops at a limit, with the first mentions in text order, and finds none under a limit of 0', () => {
    const matcher = matcherFor({ a: ['Oslo'], b: ['Bergen'] });
    const text = 'Oslo, Bergen and Oslo again, then Bergen.';
    const all = matcher.find(text);
    expect(all).toHaveLength(4);
    expect(matcher.find(text, 3)).toEqual(all.slice(0, 3));
    expect(matcher.find(text, 4)).toEqual(all);
    expect(matcher.find(text, 0)).toEqual([]);
    // The next call without a limit is not held to the last one's.
    expect(matcher.find(text)).toEqual(all);
  });

  it('skips a 1 MB term without error and keeps matching the others', () => {
    const huge = 'Oslo '.repeat(200_000);
    const matcher = matcherFor({ a: [huge], b: ['Oslo'] });
    expect(found(matcher, huge.slice(0, 20))).toEqual(['Oslo', 'Oslo', 'Oslo', 'Oslo']);
  });

  it('keeps a term of 256 characters and skips one of 257', () => {
    const longest = `${'Oslo '.repeat(51)}X`;
    const text = `${longest}X`;
    expect(found(matcherFor({ a: [longest] }), `${longest}.`)).toEqual([longest]);
    expect(found(matcherFor({ a: [text] }), text)).toEqual([]);
  });

  it('keeps a term of 256 folded units that needs the full folder, and skips one of 257', () => {
    // The accent keeps these terms off the fast path for plain ASCII terms.
    const longest = `${'Zürich '.repeat(36)}Züri`;
    const tooLong = `${longest}c`;
    expect(found(matcherFor({ a: [longest] }), `${longest}.`)).toEqual([longest]);
    expect(found(matcherFor({ a: [tooLong] }), tooLong)).toEqual([]);
  });

  it('compiles 100,000 duplicate terms into one pattern', () => {
    const sameCard = Array.from({ length: 100_000 }, () => ({ term: 'Oslo', cardId: 'oslo' }));
    expect(compileMatcher(sameCard).find('Oslo')).toEqual([{ start: 0, end: 4, cardIds: ['oslo'] }]);
    const manyCards = Array.from({ length: 100_000 }, (_, i) => ({ term: 'Oslo', cardId: `card${i}` }));
    const ids = compileMatcher(manyCards).find('in Oslo')[0]?.cardIds;
    expect(ids).toHaveLength(100_000);
    expect(new Set(ids).size).toBe(100_000);
  });

  it('matches a text of one long run without spaces', () => {
    const matcher = matcherFor({ a: ['aaa'], b: ['北京'] });
    expect(matcher.find('a'.repeat(100_000))).toEqual([]);
    expect(matcher.find('北京'.repeat(50_000))).toHaveLength(50_000);
  });

  it('keeps working on lone surrogates in terms and text', () => {
    const matcher = matcherFor({ a: ['\ud800Oslo'], b: ['Oslo'] });
    expect(found(matcher, 'x \udc00Oslo \ud800')).toEqual(['Oslo']);
  });

  it('reads a lone high surrogate as one character, not as a pair with the letter after it', () => {
    expect(termFinds('Oslo', 'x\ud800Oslo')).toEqual(['Oslo']);
  });

  it('reads two low surrogates after a mention as two lone characters', () => {
    expect(termFinds('Oslo', 'Oslo\udc00\udc01')).toEqual(['Oslo']);
  });

  it('does not pair a lone high surrogate at the end of a text with what a longer text left', () => {
    const matcher = matcherFor({ oslo: ['Oslo'] });
    matcher.find('Oslo\u{10000}');
    expect(found(matcher, 'Oslo\ud800')).toEqual(['Oslo']);
  });
});
