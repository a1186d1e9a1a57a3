import { resolve } from 'node:path';
import { compileMatcher } from '@/lib/match';
import { checkSeedFiles } from '@/lib/pack/seed-check';
import type { Pack } from '@/lib/pack/types';
import { readSeedFiles } from '../../support/seed-files';
import { makeCard, makePack } from '../factories';

const seedFiles = readSeedFiles(resolve(import.meta.dirname, '../../../seeds'));

describe('the shipped seed packs', () => {
  it('exist', () => {
    expect(seedFiles.length).toBeGreaterThan(0);
  });

  it('are valid packs whose cards cite sources and link only to existing cards', () => {
    expect(checkSeedFiles(seedFiles)).toEqual([]);
  });

  it('hold between 15 and 25 cards for the seed article', () => {
    const count = seedFiles.reduce(
      (n, file) => n + (JSON.parse(file.text) as { cards: unknown[] }).cards.length,
      0,
    );
    expect(count).toBeGreaterThanOrEqual(15);
    expect(count).toBeLessThanOrEqual(25);
  });
});

describe('what the seed terms mark', () => {
  const cards = seedFiles.flatMap((file) => (JSON.parse(file.text) as Pack).cards);
  const matcher = compileMatcher(
    cards.flatMap((card) => [card.title, ...(card.aliases ?? [])].map((term) => ({ term, cardId: card.id }))),
  );
  /** Each mention of `text` as "words → card ids". */
  const marks = (text: string) =>
    matcher.find(text).map((m) => `${text.slice(m.start, m.end)} → ${m.cardIds.join(' ')}`);

  it('finds NATO in capitals only, as the matching rules say ("nato" is not NATO)', () => {
    expect(marks('NATO said so; nato did not. Article 5 holds.')).toEqual([
      'NATO → nato',
      'Article 5 → article-5',
    ]);
  });

  it('leaves sanctions on other countries and other Washington summits alone', () => {
    expect(marks('Western sanctions on Iran: a new sanctions package, after the Washington summit.')).toEqual(
      [],
    );
    expect(marks('EU sanctions on Russia')).toEqual([
      'EU → european-union',
      'sanctions on Russia → sanctions-on-russia',
    ]);
    expect(marks('At the 2024 NATO summit in Washington')).toEqual([
      '2024 NATO summit → washington-summit-2024',
    ]);
  });
});

describe('checkSeedFiles', () => {
  const file = (name: string, value: unknown) => ({ name, text: JSON.stringify(value) });

  it('names the file, the card and the field of an invalid seed', () => {
    const bad = makePack([makeCard({ id: 'nato', sources: [{ title: 'x', url: 'ftp://nato.int/' }] })]);
    expect(checkSeedFiles([file('seeds/bad.json', bad)])).toEqual([
      'seeds/bad.json: card "nato" (cards[0]), field "sources[0].url" must be an http or https address',
    ]);
  });

  it('refuses a card without sources', () => {
    const pack = makePack([makeCard({ sources: [] })]);
    expect(checkSeedFiles([file('seeds/a.json', pack)])).toEqual([
      'seeds/a.json: card "nato" (cards[0]), field "sources" must cite at least one source',
    ]);
  });

  it('refuses a related id that names no card', () => {
    const pack = makePack([makeCard({ related: ['ghost'] })]);
    expect(checkSeedFiles([file('seeds/a.json', pack)])).toEqual([
      'seeds/a.json: card "nato" (cards[0]), field "related[0]" names no seed card ("ghost")',
    ]);
  });

  it('names the card and the entry of a related id that names no card', () => {
    const pack = makePack([makeCard(), makeCard({ id: 'kyiv', related: ['ghost', 'nato'] })]);
    expect(checkSeedFiles([file('seeds/a.json', pack)])).toEqual([
      'seeds/a.json: card "kyiv" (cards[1]), field "related[0]" names no seed card ("ghost")',
    ]);
  });

  it('refuses the same id in two packs', () => {
    const problems = checkSeedFiles([
      file('seeds/a.json', makePack([makeCard()])),
      file('seeds/b.json', makePack([makeCard()])),
    ]);
    expect(problems).toEqual([
      'seeds/b.json: card "nato" (cards[0]), field "id" is also used in seeds/a.json',
    ]);
  });

  it('reports a file that is not JSON, once', () => {
    const problems = checkSeedFiles([{ name: 'seeds/x.json', text: '{ nope' }]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^seeds\/x\.json: not valid JSON/);
  });
});
