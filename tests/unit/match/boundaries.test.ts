import { found, matcherFor, termFinds } from './helpers';

describe('word boundaries', () => {
  const matcher = matcherFor({ nato: ['NATO'], eu: ['EU'] });

  it('does not match inside a longer word', () => {
    expect(found(matcher, 'NATOs subNATO EUR euro EUs')).toEqual([]);
    expect(termFinds('Bath', 'a bathroom in Bath')).toEqual(['Bath']);
  });

  it('does not match next to a digit', () => {
    expect(found(matcher, 'EU27 and 2EU')).toEqual([]);
    expect(termFinds('G7', 'G77')).toEqual([]);
  });

  it('matches next to punctuation, spaces and the ends of the text', () => {
    expect(found(matcher, 'NATO')).toEqual(['NATO']);
    expect(found(matcher, '(NATO), "EU"; NATO/EU: EU.')).toEqual(['NATO', 'EU', 'NATO', 'EU', 'EU']);
    expect(found(matcher, '-NATO-')).toEqual(['NATO']);
  });

  it('treats letters of every script as letters', () => {
    expect(termFinds('Paris', 'Parisé')).toEqual([]);
    expect(termFinds('Paris', 'ПParis')).toEqual([]);
    expect(termFinds('Paris', 'Parisب')).toEqual([]);
    // A Devanagari vowel sign is a mark, and part of the word.
    expect(termFinds('कम', 'कमी')).toEqual([]);
  });

  it('treats a letter outside the Basic Multilingual Plane as a letter on either side', () => {
    // A Deseret letter takes two code units, and is a letter all the same.
    expect(termFinds('Oslo', 'Oslo\u{10400} \u{10400}Oslo')).toEqual([]);
    expect(termFinds('Oslo', '\u{10400} Oslo \u{10400}')).toEqual(['Oslo']);
    // Linear B's first syllable: its low half is the lowest low surrogate.
    expect(termFinds('Oslo', 'Oslo\u{10000}')).toEqual([]);
  });

  it('reads the last letter of a character that folds to several as the one before a mention', () => {
    // "⒈" folds to "1.", so what comes before "Oslo" is a full stop, not a digit.
    expect(termFinds('Oslo', '⒈Oslo')).toEqual(['Oslo']);
    expect(termFinds('Oslo', '½Oslo')).toEqual([]);
  });

  it('lets a term that ends in an astral Han character touch a Latin letter', () => {
    expect(termFinds('北\u{20000}', '北\u{20000}abc')).toEqual(['北\u{20000}']);
  });

  it('lets a term that starts with an astral Han character follow a Latin letter', () => {
    expect(termFinds('\u{20000}北', 'abc\u{20000}北')).toEqual(['\u{20000}北']);
  });

  it('finds an English term inside Arabic text when spaces separate them', () => {
    const text = 'قال حلف NATO اليوم إن';
    expect(found(matcher, text)).toEqual(['NATO']);
    expect(matcher.find(text)[0]?.start).toBe(text.indexOf('NATO'));
  });

  it('does not find an English term glued to Arabic letters', () => {
    expect(found(matcher, 'حلفNATO')).toEqual([]);
  });

  it('finds Chinese terms in Chinese text without spaces', () => {
    const cities = matcherFor({ beijing: ['北京'], shanghai: ['上海市'] });
    expect(found(cities, '我住在北京，他住在上海市中心。')).toEqual(['北京', '上海市']);
  });

  it('finds Japanese and Thai terms without spaces', () => {
    expect(termFinds('東京', '東京タワーは東京都にある')).toEqual(['東京', '東京']);
    expect(termFinds('カナダ', 'カナダの首都')).toEqual(['カナダ']);
    expect(termFinds('กรุงเทพ', 'ฉันอยู่กรุงเทพมหานคร')).toEqual(['กรุงเทพ']);
  });

  it('finds a Latin term touching Chinese text', () => {
    expect(found(matcher, '北约NATO的')).toEqual(['NATO']);
  });

  it('still rejects a Chinese term that is not in the text', () => {
    expect(termFinds('北京', '南京')).toEqual([]);
  });
});
