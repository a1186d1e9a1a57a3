import fc from 'fast-check';
import { compileMatcher } from '../../../lib/match';
import type { TermEntry } from '../../../lib/match/types';
import { referenceFind } from './reference';

// Characters chosen to hit every rule: cases, accents (precomposed and combining),
// expansions (ß, ﬁ, İ, and ⒈ and ½, which end in a full stop and a digit), sigma forms,
// digits, an emoji, scripts with and without spaces, and astral ones: a Deseret letter, a
// Han character and the Yezidi hyphenation mark (a dash).
const LETTERS = [
  ...'aAnNtToOsSeE',
  ...'éÉïß\u0301ﬁİıΣσς⒈½',
  ...'12',
  '😀',
  ...'北京カก',
  'ب',
  '\u{10400}',
  '\u{20000}',
  '\u{10ead}',
];
// What goes between words: spaces, dashes, apostrophes, invisible characters, punctuation.
const GLUE = [' ', '\u00a0', '\t', '\n', '-', '\u2013', ' \u2014 ', '\u2212', "'", '\u2019', '\u02bc', "'s "];
const GLUE_MORE = [...GLUE, '\u00ad', '\u200b', '.', ',', '(', ')', ''];
const CHARACTERS = [...LETTERS, ...GLUE_MORE];

const word = fc.array(fc.constantFrom(...LETTERS), { minLength: 1, maxLength: 5 }).map((c) => c.join(''));
const cardId = fc.constantFrom('a', 'b', 'c');

function recase(piece: string, how: string): string {
  return how === 'upper' ? piece.toUpperCase() : how === 'lower' ? piece.toLowerCase() : piece;
}

/** Runs of whole words from the text, recased at random, so that most terms can be found. */
function termsFrom(words: string[], glue: string[]): fc.Arbitrary<string[]> {
  const run = fc
    .tuple(
      fc.nat(Math.max(0, words.length - 1)),
      fc.integer({ min: 1, max: 3 }),
      fc.constantFrom('same', 'upper', 'lower'),
    )
    .map(([from, size, how]) =>
      recase(
        words
          .slice(from, from + size)
          .reduce((term, w, i) => term + (i ? (glue[from + i - 1] ?? ' ') : '') + w, ''),
        how,
      ),
    );
  return fc.array(run, { maxLength: 6 });
}

/** Text of words and glue, with terms taken from it plus a few random ones. */
const wordScenario = fc
  .tuple(fc.array(word, { maxLength: 10 }), fc.array(fc.constantFrom(...GLUE_MORE), { maxLength: 10 }))
  .chain(([words, glue]) =>
    fc.record({
      text: fc.constant(words.map((w, i) => w + (glue[i] ?? ' ')).join('')),
      entries: fc
        .tuple(termsFrom(words, glue), fc.array(word, { maxLength: 2 }))
        .chain(([found, random]) =>
          fc.tuple(
            ...[...found, ...random].map((term) => cardId.map((id): TermEntry => ({ term, cardId: id }))),
          ),
        ),
    }),
  );

/** Any characters at all, and terms cut from the text at any place. */
const chaosScenario = fc.array(fc.constantFrom(...CHARACTERS), { maxLength: 30 }).chain((chars) => {
  const text = chars.join('');
  const slice = fc
    .tuple(fc.nat(text.length), fc.nat(8), fc.constantFrom('same', 'upper', 'lower'))
    .map(([from, size, how]) => recase(text.slice(from, from + size), how));
  return fc.record({
    text: fc.constant(text),
    entries: fc
      .array(slice, { maxLength: 6 })
      .chain((terms) =>
        fc.tuple(...terms.map((term) => cardId.map((id): TermEntry => ({ term, cardId: id })))),
      ),
  });
});

function agreesWithReference({ text, entries }: { text: string; entries: TermEntry[] }): void {
  expect(compileMatcher(entries).find(text)).toEqual(referenceFind(entries, text));
}

describe('the engine against the reference implementation', () => {
  it('is fed scenarios where there is something to find', () => {
    const samples = fc.sample(wordScenario, { numRuns: 300, seed: 7 });
    const withMentions = samples.filter(({ text, entries }) => referenceFind(entries, text).length > 0);
    expect(withMentions.length).toBeGreaterThan(samples.length / 2);
  });

  it('finds exactly what the reference finds in random words and terms', { timeout: 30_000 }, () => {
    fc.assert(fc.property(wordScenario, agreesWithReference), { numRuns: 500 });
  });

  it('finds exactly what the reference finds in random characters cut anywhere', { timeout: 30_000 }, () => {
    fc.assert(fc.property(chaosScenario, agreesWithReference), { numRuns: 400 });
  });

  it('finds exactly what the reference finds in text made of repeated terms', { timeout: 30_000 }, () => {
    const words = fc.array(
      fc.constantFrom('NATO', 'nato', 'EU', 'Kyiv', 'Kyïv', 'New York', 'York', 'ß', 'ss'),
      {
        maxLength: 12,
      },
    );
    const glue = fc.array(fc.constantFrom(' ', '-', ' – ', "'s ", ',', '', '\u00ad', '北'), {
      maxLength: 12,
    });
    fc.assert(
      fc.property(words, glue, words, (parts, joints, terms) => {
        const text = parts.map((part, i) => part + (joints[i] ?? ' ')).join('');
        agreesWithReference({ text, entries: terms.map((term, i) => ({ term, cardId: `card${i % 3}` })) });
      }),
      { numRuns: 200 },
    );
  });
});
