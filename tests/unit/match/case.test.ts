import { found, matcherFor, termFinds } from './helpers';

describe('letter case', () => {
  it('matches ordinary terms whatever the case of the text', () => {
    expect(termFinds('The Hague summit', 'Leaders met at the hague summit.')).toEqual(['the hague summit']);
    expect(termFinds('the hague summit', 'At The Hague Summit, leaders met.')).toEqual(['The Hague Summit']);
  });

  it('matches an all-capitals alias only in capitals', () => {
    const matcher = matcherFor({ nato: ['NATO'], eu: ['EU'], osce: ['OSCE'] });
    expect(found(matcher, 'NATO, the EU and the OSCE')).toEqual(['NATO', 'EU', 'OSCE']);
    expect(found(matcher, 'nato, the eu and the Osce; Nato and Eu')).toEqual([]);
  });

  it('treats a term with one capital, or with any lower-case letter, as case-insensitive', () => {
    expect(termFinds('G7', 'the g7 met')).toEqual(['g7']);
    expect(termFinds('NATOs', 'natos')).toEqual(['natos']);
    expect(termFinds('McDonald', 'MCDONALD')).toEqual(['MCDONALD']);
  });

  it('still ignores accents for all-capitals terms', () => {
    expect(termFinds('ISTANBUL', 'İSTANBUL')).toEqual(['İSTANBUL']);
    expect(termFinds('ISTANBUL', 'İstanbul')).toEqual([]);
  });

  it('refers to a card with a capitals-only alias only where the capitals match', () => {
    const matcher = matcherFor({ union: ['EU'], europium: ['Eu'] });
    expect(matcher.find('EU')[0]?.cardIds).toEqual(['europium', 'union']);
    expect(matcher.find('eu')[0]?.cardIds).toEqual(['europium']);
  });

  it('falls back to a shorter term when the longer one fails the case rule', () => {
    const matcher = matcherFor({ act: ['NATO RUSSIA ACT'], nato: ['Nato'] });
    expect(found(matcher, 'the Nato Russia Act')).toEqual(['Nato']);
    expect(found(matcher, 'the NATO RUSSIA ACT')).toEqual(['NATO RUSSIA ACT']);
  });
});
