import { found, matcherFor } from './helpers';

describe('offsets in the original text', () => {
  const matcher = matcherFor({ nato: ['NATO'], kyiv: ['Kyiv'], act: ['NATO–Russia Founding Act'] });

  it('are code-unit offsets that slice out the mention', () => {
    const text = 'In 1997 the NATO–Russia Founding Act was signed in Kyiv.';
    for (const mention of matcher.find(text)) {
      expect(['NATO–Russia Founding Act', 'Kyiv']).toContain(text.slice(mention.start, mention.end));
    }
  });

  it('count an emoji before a mention as two code units', () => {
    const text = '😀😀 NATO';
    expect(matcher.find(text)).toEqual([{ start: 5, end: 9, cardIds: ['nato'] }]);
  });

  it('stay exact around characters removed by normalisation', () => {
    const text = '\u200b\u00adNA\u00adTO\u200b and Ky\u0308iv';
    expect(found(matcher, text)).toEqual(['NA\u00adTO\u200b', 'Ky\u0308iv']);
    expect(matcher.find(text)[0]?.start).toBe(2);
  });

  it('include combining accents that follow the last letter', () => {
    expect(found(matcherFor({ cafe: ['Cafe'] }), 'Cafe\u0301 au lait')).toEqual(['Cafe\u0301']);
  });

  it('cover a whole character that folds to several letters', () => {
    const ligature = matcherFor({ fi: ['fire'] });
    expect(found(ligature, 'the ﬁre')).toEqual(['ﬁre']);
    expect(found(matcherFor({ ire: ['ire'] }), 'the ﬁre')).toEqual([]);
  });

  it('cover collapsed white space and spaced dashes inside a mention', () => {
    const text = 'x NATO \u2013\n Russia   Founding\u00a0Act y';
    expect(found(matcher, text)).toEqual(['NATO \u2013\n Russia   Founding\u00a0Act']);
  });

  it('are right after astral characters inside no-space text', () => {
    const text = '𠀀北京𠀀';
    const mention = matcherFor({ beijing: ['北京'] }).find(text)[0];
    expect(mention).toEqual({ start: 2, end: 4, cardIds: ['beijing'] });
  });
});
