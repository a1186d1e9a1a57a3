import { termFinds } from './helpers';

describe('white space and invisible characters', () => {
  it('matches any run of white space with one space', () => {
    const term = 'New York City';
    for (const gap of [' ', '  ', '\u00a0', '\t', '\n', '\r\n', ' \n\t ', '\u2009', '\u3000']) {
      const text = `in New${gap}York${gap}City today`;
      expect(termFinds(term, text)).toEqual([`New${gap}York${gap}City`]);
    }
  });

  it('reads the next-line control (U+0085) as white space, though \\s does not', () => {
    expect(termFinds('New York', 'New\u0085York')).toEqual(['New\u0085York']);
  });

  it('matches a no-break space and a line break inside a term', () => {
    expect(termFinds('Buenos Aires', 'Buenos\u00a0Aires')).toEqual(['Buenos\u00a0Aires']);
    expect(termFinds('Buenos Aires', 'Buenos\nAires')).toEqual(['Buenos\nAires']);
    expect(termFinds('Buenos\u00a0Aires', 'Buenos Aires')).toEqual(['Buenos Aires']);
  });

  it('reads a run of spaces, or spaces around a dash, in a plain term as one separator', () => {
    expect(termFinds('New  York', 'in New York')).toEqual(['New York']);
    expect(termFinds('NATO - Russia', 'the NATO-Russia act')).toEqual(['NATO-Russia']);
  });

  it('does not match a term whose space is missing from the text', () => {
    expect(termFinds('Buenos Aires', 'BuenosAires')).toEqual([]);
    expect(termFinds('BuenosAires', 'Buenos Aires')).toEqual([]);
  });

  it('ignores a soft hyphen inside a word', () => {
    expect(termFinds('Copenhagen', 'in Copen\u00adhagen today')).toEqual(['Copen\u00adhagen']);
    expect(termFinds('NATO', 'NA\u00adTO')).toEqual(['NA\u00adTO']);
  });

  it('ignores zero-width characters inside a word', () => {
    for (const invisible of ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff']) {
      expect(termFinds('Copenhagen', `Copen${invisible}hagen`)).toEqual([`Copen${invisible}hagen`]);
    }
  });

  it('does not let an invisible character create a word boundary', () => {
    expect(termFinds('NATO', 'sub\u00adNATO')).toEqual([]);
    expect(termFinds('NATO', 'NATO\u200bs')).toEqual([]);
  });

  it('does not match a term made only of white space', () => {
    expect(termFinds('  \u00a0\n', 'a  \u00a0\n b')).toEqual([]);
  });
});
