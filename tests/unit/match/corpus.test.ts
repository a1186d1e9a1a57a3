import { compileMatcher } from '../../../lib/match';
import { termKey } from '../../../lib/match/term-key';
import { loadDictionaries, loadPages, sharedDir } from '../../bench/corpus';
import { referenceFind } from './reference';

const shared = sharedDir();
if (!shared) console.warn('Skipping the corpus tests: shared corpus not found (set BACKSTORY_SHARED).');

// One page per language in the corpus, plus a long English one.
const PAGES = ['wikipedia-2', 'aktualne', 'folha', 'gmw', 'hukumusume', 'lemonde-1', 'nytimes-5', 'pixnet'];

describe.skipIf(!shared)('matching the shared corpus pages', () => {
  const countries = shared ? (loadDictionaries(shared)[0]?.entries ?? []) : [];
  const pages = shared ? loadPages(shared, PAGES) : [];
  const matcher = compileMatcher(countries);

  it('finds country names on the sampled pages, each mention spelling one of the terms', () => {
    const keys = new Set(countries.map((entry) => termKey(entry.term)?.key));
    for (const page of pages) {
      const mentions = matcher.find(page.text);
      for (const mention of mentions) {
        expect(keys.has(termKey(page.text.slice(mention.start, mention.end))?.key)).toBe(true);
      }
    }
    expect(pages.filter((page) => matcher.find(page.text).length > 0).length).toBeGreaterThan(
      pages.length / 2,
    );
  });

  it('agrees with the reference implementation on the start of each page', { timeout: 60_000 }, () => {
    for (const page of pages) {
      const text = page.text.slice(0, 800);
      expect(matcher.find(text)).toEqual(referenceFind(countries, text));
    }
  });
});
