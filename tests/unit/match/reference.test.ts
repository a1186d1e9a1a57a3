import { referenceFind } from './reference';

// The reference is only useful if it states the rules right: a few checks of its own.
describe('the reference implementation', () => {
  const entries = [
    { term: 'NATO', cardId: 'nato' },
    { term: 'NATO–Russia Founding Act', cardId: 'act' },
    { term: 'Kyiv', cardId: 'kyiv' },
    { term: '北京', cardId: 'beijing' },
  ];

  it('finds leftmost-longest mentions with original offsets', () => {
    const text = '😀 NATO – Russia Founding Act, NATO’s Kyïv';
    expect(referenceFind(entries, text).map((m) => [text.slice(m.start, m.end), m.cardIds])).toEqual([
      ['NATO – Russia Founding Act', ['act']],
      ['NATO', ['nato']],
      ['Kyïv', ['kyiv']],
    ]);
  });

  it('applies the case and boundary rules', () => {
    expect(referenceFind(entries, 'nato NATOs subNATO 在北京住')).toEqual([
      { start: 20, end: 22, cardIds: ['beijing'] },
    ]);
  });
});
