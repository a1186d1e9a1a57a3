import { foldTerm, isAllCapitals, termCounter } from '../../support/term-count';

// The corpus sweep's second opinion must itself count right, or its margin means nothing.
describe('the corpus sweep’s own count of terms', () => {
  it('counts whole terms in any case, with accents, dashes and odd spaces folded', () => {
    const count = termCounter(['Kyiv', 'Guinea-Bissau', 'São Paulo']);
    expect(count('Kyiv, KYIV and kyïv; not Kyivan or subKyiv.')).toBe(3);
    expect(count('Guinea–Bissau, Guinea - Bissau, Guinea Bissau; not GuineaBissau.')).toBe(3);
    expect(count('Sao\u00a0Paulo and SÃO\n  PAULO')).toBe(2);
  });

  it('finds an all-capital term in capitals only', () => {
    const count = termCounter(['EU', 'NATO']);
    expect(count('The EU and NATO; il a eu, Nato, nato.')).toBe(2);
    expect(isAllCapitals('EU')).toBe(true);
    expect(isAllCapitals('G7')).toBe(false);
    expect(isAllCapitals('Paris')).toBe(false);
  });

  it('takes the longest term at a place, once', () => {
    expect(termCounter(['York', 'New York'])('New York, then York.')).toBe(2);
  });

  it('reads terms with RegExp characters as plain text', () => {
    expect(
      termCounter(['Zürich (Kreis 7) / Witikon', 'St. Louis'])(
        'Zürich (Kreis 7) / Witikon; St. Louis; StX Louis',
      ),
    ).toBe(2);
  });

  it('folds the way a mention and its term are compared', () => {
    expect(foldTerm('Copen\u00adhagen’s  Straße')).toBe("copenhagen's strasse");
    expect(foldTerm('NATO – Russia', true)).toBe('NATO Russia');
  });
});
