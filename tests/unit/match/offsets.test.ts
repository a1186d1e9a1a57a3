import { found, matcherFor } from './helpers';

describe('offsets in the original text', () => {
  const matcher = matcherFor({ nato: ['NATO'], kyiv: ['Kyiv'], act: ['NATO–Russia Founding Act'] });

  it('are code-unit offsets that slice out the mention', () => {
    const text = 'In 1997 the NATO–Russia Founding Act was signed in Kyiv.';
    expect(matcher.find(text)).toEqual([
      { start: 12, end: 36, cardIds: ['act'] },
      { start: 51, end: 55, cardIds: ['kyiv'] },
    ]);
    expect(found(matcher, text)).toEqual(['NATO–Russia Founding Act', 'Kyiv']);
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
    // "½" folds to "1⁄2": a mention may not end after its "1", where no offset exists.
    const half = matcherFor({ half: ['page 1'] });
    expect(found(half, 'page ½')).toEqual([]);
    expect(found(half, 'page 1 or ½')).toEqual(['page 1']);
    expect(found(matcherFor({ half: ['page 1⁄2'] }), 'page ½')).toEqual(['page ½']);
  });

  it('cover collapsed white space and spaced dashes inside a mention', () => {
    const text = 'x NATO \u2013\n Russia   Founding\u00a0Act y';
    expect(found(matcher, text)).toEqual(['NATO \u2013\n Russia   Founding\u00a0Act']);
  });

  it('never reach past the end of a text shorter than the one before', () => {
    // find() reuses its buffers, so the units of a longer earlier text are still in them.
    const matcher = matcherFor({ oslo: ['Oslo'], georgia: ['Georgia'], language: ['Georgian'] });
    matcher.find('Oslo.');
    expect(matcher.find('Osl')).toEqual([]);
    matcher.find('Georgian.');
    expect(matcher.find('Georgia')).toEqual([{ start: 0, end: 7, cardIds: ['georgia'] }]);
  });

  it('are right after astral characters inside no-space text', () => {
    const text = '𠀀北京𠀀';
    const mention = matcherFor({ beijing: ['北京'] }).find(text)[0];
    expect(mention).toEqual({ start: 2, end: 4, cardIds: ['beijing'] });
  });
});

describe('offsets in long texts', () => {
  const matcher = matcherFor({ act: ['NATO–Russia Founding Act'], kyiv: ['Kyiv'], fine: ['fine'] });

  // The normaliser folds in windows of 4,096 units; a mention, a spaced dash or a character
  // that expands may fall on the edge of one.
  it('stay exact wherever a window edge falls in or around a mention', () => {
    for (let pad = 4070; pad < 4110; pad++) {
      const text = `${'.'.repeat(pad)} NATO \u2013 Russia  Founding Act, \ufb01ne Ky\u00efv`;
      expect(found(matcher, text)).toEqual(['NATO \u2013 Russia  Founding Act', '\ufb01ne', 'Ky\u00efv']);
    }
  });

  it('stay exact when characters that fold to two letters come before a long plain run', () => {
    // A fresh matcher, so its buffers are only as large as this text makes them.
    const fresh = matcherFor({ kyiv: ['Kyiv'] });
    const text = `${'ß'.repeat(1000)} ${'Kyiv '.repeat(1000)}`;
    const mentions = fresh.find(text);
    expect(mentions).toHaveLength(1000);
    expect(mentions[999]).toEqual({ start: 1001 + 999 * 5, end: 1005 + 999 * 5, cardIds: ['kyiv'] });
  });

  it('stay exact across many windows of mixed text', () => {
    const sentence = 'The NATO-Russia Founding Act \u2014 signed in Kyiv? No; \ufb01ne. ';
    const text = sentence.repeat(1000);
    const mentions = matcher.find(text);
    expect(mentions).toHaveLength(3000);
    for (const [i, mention] of mentions.entries()) {
      const offset = Math.floor(i / 3) * sentence.length;
      const expected = ['NATO-Russia Founding Act', 'Kyiv', '\ufb01ne'][i % 3] as string;
      expect(text.slice(mention.start, mention.end)).toBe(expected);
      expect(mention.start).toBe(offset + sentence.indexOf(expected));
    }
  });
});
