import { found, matcherFor, termFinds } from './helpers';

const APOSTROPHES = ["'", '\u2019', '\u2018', '\u02bc'];

describe('apostrophes and possessives', () => {
  it('treats straight, curly and modifier apostrophes as one', () => {
    for (const inTerm of APOSTROPHES) {
      for (const inText of APOSTROPHES) {
        expect(termFinds(`Côte d${inTerm}Ivoire`, `from Côte d${inText}Ivoire.`)).toEqual([
          `Côte d${inText}Ivoire`,
        ]);
      }
    }
  });

  it('does not treat other quote marks as apostrophes', () => {
    for (const other of ['`', '"', '\u201d', '\u2032', '']) {
      expect(termFinds("Côte d'Ivoire", `Côte d${other}Ivoire`)).toEqual([]);
    }
  });

  it("leaves a possessive 's or ’s out of the mention", () => {
    const matcher = matcherFor({ nato: ['NATO'] });
    expect(found(matcher, "NATO's plan")).toEqual(['NATO']);
    expect(found(matcher, 'NATO’s plan')).toEqual(['NATO']);
    expect(matcher.find('NATO’s plan')[0]).toMatchObject({ start: 0, end: 4 });
  });

  it("leaves the possessive ' after a final s out of the mention", () => {
    expect(termFinds('allies', "the allies' plan")).toEqual(['allies']);
    expect(termFinds('Athens', 'Athens’ mayor')).toEqual(['Athens']);
  });

  it('does not match a plural or a longer word', () => {
    expect(termFinds('NATO', 'NATOs')).toEqual([]);
    expect(termFinds('ally', "the allies' plan")).toEqual([]);
  });

  it('prefers a term that itself ends in a possessive', () => {
    const matcher = matcherFor({ john: ['John'], church: ["St John's"] });
    expect(found(matcher, 'at St John’s today')).toEqual(['St John’s']);
  });
});
