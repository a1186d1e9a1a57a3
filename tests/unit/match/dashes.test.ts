import { termFinds } from './helpers';

const DASHES = ['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212'];

describe('dashes', () => {
  it('matches every dash with every other dash', () => {
    for (const inTerm of DASHES) {
      for (const inText of DASHES) {
        expect(termFinds(`Guinea${inTerm}Bissau`, `in Guinea${inText}Bissau now`)).toEqual([
          `Guinea${inText}Bissau`,
        ]);
      }
    }
  });

  it('matches en dash, em dash and minus in a term against a hyphen', () => {
    expect(termFinds('NATO–Russia Founding Act', 'NATO-Russia Founding Act')).toHaveLength(1);
    expect(termFinds('NATO—Russia', 'NATO-Russia')).toHaveLength(1);
    expect(termFinds('NATO−Russia', 'NATO-Russia')).toHaveLength(1);
  });

  it('allows spaces around a dash in the text', () => {
    const term = 'NATO–Russia Founding Act';
    for (const text of [
      'NATO – Russia Founding Act',
      'NATO -Russia Founding Act',
      'NATO—  Russia Founding Act',
    ]) {
      expect(termFinds(term, text)).toEqual([text]);
    }
  });

  it('lets a dash in a term match a single space', () => {
    expect(termFinds('NATO–Russia Founding Act', 'the NATO Russia Founding Act')).toEqual([
      'NATO Russia Founding Act',
    ]);
  });

  it('does not let one dash match two, nor a dash match nothing', () => {
    expect(termFinds('NATO-Russia', 'NATO--Russia')).toEqual([]);
    expect(termFinds('NATO-Russia', 'NATO - - Russia')).toEqual([]);
    expect(termFinds('Guinea-Bissau', 'GuineaBissau')).toEqual([]);
  });

  it('counts an astral dash like any other dash in a run', () => {
    // The Yezidi hyphenation mark is outside the Basic Multilingual Plane, so it takes the slow path.
    expect(termFinds('NATO-Russia', 'NATO \u{10ead} Russia')).toEqual(['NATO \u{10ead} Russia']);
    expect(termFinds('NATO-Russia', 'NATO-\u{10ead}Russia')).toEqual([]);
    expect(termFinds('NATO-Russia', 'NATO \u{10ead}-Russia')).toEqual([]);
  });

  it('does not treat other punctuation as a dash', () => {
    expect(termFinds('Guinea-Bissau', 'Guinea_Bissau')).toEqual([]);
    expect(termFinds('Guinea-Bissau', 'Guinea~Bissau')).toEqual([]);
    // Wave dashes are dash punctuation to Unicode, but read as a tilde.
    expect(termFinds('Guinea-Bissau', 'Guinea\u301cBissau')).toEqual([]);
  });
});
