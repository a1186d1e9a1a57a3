import { compileMatcher, loadMatcher, type Matcher, serializeMatcher } from '../../../lib/match';

const entries = [
  { term: 'NATO', cardId: 'nato' },
  { term: 'NATO–Russia Founding Act', cardId: 'act' },
  { term: 'Kyiv', cardId: 'kyiv' },
  { term: 'Kiev', cardId: 'kyiv' },
  { term: 'Georgia', cardId: 'country' },
  { term: 'Georgia', cardId: 'us-state' },
  { term: '北京', cardId: 'beijing' },
  { term: 'Zürich', cardId: 'zürich-ü' },
];
const text = 'NATO – Russia Founding Act; nato; NATO’s Kyïv, KIEV, georgia 在北京, zurich 😀';

describe('persisting a matcher', () => {
  const original = compileMatcher(entries);

  it('loads bytes into a matcher that finds the same mentions', () => {
    const loaded = loadMatcher(serializeMatcher(original));
    expect(loaded.find(text)).toEqual(original.find(text));
    expect(loaded.find(text)).toHaveLength(7);
  });

  it('survives a structured clone, as IndexedDB stores it', () => {
    const stored = structuredClone(serializeMatcher(original));
    expect(loadMatcher(stored).find(text)).toEqual(original.find(text));
  });

  it('accepts an ArrayBuffer and bytes at an unaligned offset', () => {
    const bytes = serializeMatcher(original);
    expect(loadMatcher(bytes.slice().buffer).find(text)).toEqual(original.find(text));
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(loadMatcher(shifted.subarray(1)).find(text)).toEqual(original.find(text));
  });

  it('reads bytes at an aligned offset inside a larger buffer where they are', () => {
    const bytes = serializeMatcher(original);
    const larger = new Uint8Array(bytes.length + 8);
    larger.set(bytes, 4);
    expect(loadMatcher(larger.subarray(4, 4 + bytes.length)).find(text)).toEqual(original.find(text));
  });

  it('serialises a loaded matcher to the same bytes', () => {
    const bytes = serializeMatcher(original);
    expect(serializeMatcher(loadMatcher(bytes))).toEqual(bytes);
  });

  it('keeps card ids with lone surrogates intact', () => {
    const odd = compileMatcher([{ term: 'Oslo', cardId: 'id-\ud800-x' }]);
    expect(loadMatcher(serializeMatcher(odd)).find('Oslo')[0]?.cardIds).toEqual(['id-\ud800-x']);
  });

  it('keeps a lone low surrogate, and every id after thousands of units of ids', () => {
    // One odd id makes the loader decode all ids by hand, in slices of a few thousand units.
    const many = Array.from({ length: 2000 }, (_, i) => ({ term: `Oslo ${i}`, cardId: `card-${i}` }));
    const odd = compileMatcher([...many, { term: 'Bergen', cardId: 'id-\udc00-x' }]);
    const loaded = loadMatcher(serializeMatcher(odd));
    expect(loaded.find('Bergen')[0]?.cardIds).toEqual(['id-\udc00-x']);
    expect(loaded.find('Oslo 1999, Oslo 0').map((m) => m.cardIds)).toEqual([['card-1999'], ['card-0']]);
  });

  it('stores card ids as bytes when they are all ASCII, a byte a character less, and reads them back', () => {
    const ascii = Array.from({ length: 3000 }, (_, i) => ({ term: `Oslo ${i}`, cardId: `card-${i}` }));
    const [bytes, wide] = [ascii, [...ascii, { term: 'Bergen', cardId: 'bergen-é' }]].map((list) =>
      serializeMatcher(compileMatcher(list)),
    ) as [Uint8Array, Uint8Array];
    const idChars = ascii.reduce((n, { cardId }) => n + cardId.length, 0);
    expect(wide.length - bytes.length).toBeGreaterThan(idChars);
    const loaded = loadMatcher(bytes);
    expect(loaded.find('Oslo 2999, Oslo 0').map((m) => m.cardIds)).toEqual([['card-2999'], ['card-0']]);
    expect(serializeMatcher(loaded)).toEqual(bytes);
    expect(loadMatcher(wide).find('Bergen, Oslo 7')).toMatchObject([
      { cardIds: ['bergen-é'] },
      { cardIds: ['card-7'] },
    ]);
  });

  it('persists an empty matcher', () => {
    expect(loadMatcher(serializeMatcher(compileMatcher([]))).find(text)).toEqual([]);
  });

  it('rejects bytes of another format, a later version, or truncated bytes', () => {
    const bytes = serializeMatcher(original);
    expect(() => loadMatcher(new Uint8Array(10))).toThrow(/truncated/);
    expect(() => loadMatcher(new Uint8Array(64))).toThrow(/format or version/);
    const later = bytes.slice();
    later[4] = 99;
    expect(() => loadMatcher(later)).toThrow(/format or version/);
    expect(() => loadMatcher(bytes.subarray(0, bytes.length - 8))).toThrow(/truncated/);
  });

  it('rejects bytes with another magic number, a short header, or a negative length', () => {
    const bytes = serializeMatcher(original);
    const otherMagic = bytes.slice();
    otherMagic[0] = (otherMagic[0] as number) ^ 1;
    expect(() => loadMatcher(otherMagic)).toThrow(/format or version/);
    // The magic number and version are right, but the header stops before its last int.
    expect(() => loadMatcher(bytes.slice(0, 44))).toThrow(/truncated/);
    const negative = bytes.slice();
    new Int32Array(negative.buffer)[3] = -1;
    expect(() => loadMatcher(negative)).toThrow(/truncated/);
  });

  it('refuses to serialise a matcher it did not make', () => {
    const foreign: Matcher = { find: () => [] };
    expect(() => serializeMatcher(foreign)).toThrow(TypeError);
  });
});
