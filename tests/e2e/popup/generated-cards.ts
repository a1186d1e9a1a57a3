import { toStoredCard } from '../../../lib/db/cards';
import type { StoredCard } from '../../../lib/db/records';

// Cards that look like a reader's library: named things, dates, news prose with common
// words, a few accents and curly apostrophes. Deterministic: the same seed, the same cards.
let seed = 7;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const words = (text: string) => text.split(' ');
const SYLLABLES = words('vel mor kar sk an tri os lun bra zé dor ia ün qa rho');
const KINDS = words('summit treaty council accord talks sanctions pipeline party court');
const COMMON = words(
  'the of and to in a is was for on that with as by at from it an be this are has had not but',
);
const CONTENT = words(
  'government minister alliance defence security budget election reform energy grain talks border',
);
const REGIONS = words('europe asia americas africa');

function name(): string {
  const word = Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(SYLLABLES)).join('');
  return word[0]?.toUpperCase() + word.slice(1);
}

function sentence(): string {
  const said = Array.from({ length: 10 + Math.floor(random() * 10) }, () =>
    random() < 0.55 ? pick(COMMON) : random() < 0.7 ? pick(CONTENT) : name(),
  );
  return `${said.join(' ')}.`;
}

function generateCard(i: number, now: number): StoredCard {
  const place = name();
  const year = 1950 + (i % 75);
  return toStoredCard(
    {
      id: `bench-${i}`,
      title: `${place} ${pick(KINDS)} ${year}`,
      summary: `${place}’s ${sentence()} ${sentence()} ${sentence()}`,
      aliases: [`${place} ${pick(KINDS)}`, `${name()} ${pick(KINDS)}`],
      facts: [{ label: 'Signed', value: `${1 + (i % 28)} May ${year}` }],
      timeline: [{ date: `${year}-05-01`, text: sentence() }],
      sources: [{ title: `${name()} Times`, url: `https://news.example/${i}` }],
      tags: [pick(CONTENT), pick(REGIONS)],
    },
    // Edited one second apart, newest first, as a library grown over time.
    { edited: true, created: now - i * 1000, modified: now - i * 1000 },
  );
}

/** `count` generated cards in stored form, ready to write into the extension's database. */
export function generateCards(count: number, now = Date.now()): StoredCard[] {
  seed = 7;
  return Array.from({ length: count }, (_, i) => generateCard(i, now));
}
