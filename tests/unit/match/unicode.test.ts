import { termFinds } from './helpers';

describe('accents and Unicode normalisation', () => {
  it('ignores accents in the text and in the term', () => {
    expect(termFinds('Kyiv', 'in Kyïv today')).toEqual(['Kyïv']);
    expect(termFinds('Kyïv', 'in Kyiv today')).toEqual(['Kyiv']);
    expect(termFinds('Zürich', 'ZURICH and zurich')).toEqual(['ZURICH', 'zurich']);
  });

  it('treats a decomposed accent like a precomposed one', () => {
    expect(termFinds('Café', 'the Cafe\u0301 opened')).toEqual(['Cafe\u0301']);
    expect(termFinds('Cafe\u0301', 'the Café opened')).toEqual(['Café']);
  });

  it('folds compatibility forms: full-width letters and ligatures', () => {
    expect(termFinds('NATO', 'ＮＡＴＯ summit')).toEqual(['ＮＡＴＯ']);
    expect(termFinds('fire', 'a ﬁre started')).toEqual(['ﬁre']);
  });

  it('folds case beyond lower-casing: sharp s and final sigma', () => {
    expect(termFinds('Strasse', 'die Straße')).toEqual(['Straße']);
    expect(termFinds('ΟΔΟΣ', 'η οδος')).toEqual([]);
    // Final sigma (ς) and medial sigma (σ) are one letter.
    expect(termFinds('\u039f\u03b4\u03bf\u03c3', 'ΟΔΟΣ and \u03bf\u03b4\u03bf\u03c2')).toEqual([
      'ΟΔΟΣ',
      '\u03bf\u03b4\u03bf\u03c2',
    ]);
  });

  it('drops the Greek iota subscript as an accent, before case folding can make it a letter', () => {
    // Upper-casing turns ᾠ into two letters, ὨΙ; the accents must go first.
    expect(termFinds('ᾠδή', 'μια ωδη')).toEqual(['ωδη']);
    expect(termFinds('ᴺᴬᵀᴼ', 'NATO')).toEqual(['NATO']);
  });

  it('does not confuse different letters', () => {
    expect(termFinds('Kyiv', 'Kyev')).toEqual([]);
    expect(termFinds('Cafe', 'Cafa')).toEqual([]);
  });
});
