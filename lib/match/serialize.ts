/**
 * Persisting a compiled matcher, so a restarted service worker loads it instead of
 * recompiling. The bytes are the matcher's typed arrays laid end to end behind a small
 * header; loading makes views over them, without copying or parsing.
 */
import { alphabetFromUnits } from './alphabet';
import { CardTable } from './card-table';
import { CompiledMatcher } from './compiled-matcher';
import type { Matcher } from './types';

const MAGIC = 0x314d5342; // "BSM1" read as a little-endian Int32: a wrong-endian host fails here.
const VERSION = 1;
const HEADER_INTS = 9;

type Section = Int32Array | Uint16Array;

function idsToUnits(ids: string[]): { ends: Int32Array; units: Uint16Array } {
  const ends = new Int32Array(ids.length);
  let total = 0;
  ids.forEach((id, i) => {
    total += id.length;
    ends[i] = total;
  });
  const units = new Uint16Array(total);
  let at = 0;
  for (const id of ids) for (let i = 0; i < id.length; i++) units[at++] = id.charCodeAt(i);
  return { ends, units };
}

function unitsToIds(ends: Int32Array, units: Uint16Array): string[] {
  let joined = '';
  // fromCharCode takes arguments on the stack: decode in slices well below its limit.
  for (let i = 0; i < units.length; i += 8192) joined += String.fromCharCode(...units.subarray(i, i + 8192));
  const ids: string[] = [];
  let from = 0;
  for (const end of ends) {
    ids.push(joined.slice(from, end));
    from = end;
  }
  return ids;
}

function padded(bytes: number): number {
  return (bytes + 3) & ~3;
}

/** The bytes of `matcher` (one made by `compileMatcher` or `loadMatcher`), for IndexedDB. */
export function serializeMatcher(matcher: Matcher): Uint8Array {
  if (!(matcher instanceof CompiledMatcher)) throw new TypeError('serializeMatcher needs a compiled matcher');
  const { automaton: a, cards } = matcher;
  const ids = idsToUnits(cards.cardIds);
  const header = Int32Array.of(
    MAGIC,
    VERSION,
    a.cells.length,
    a.units.length,
    cards.exactStart.length,
    cards.cards.length,
    ids.ends.length,
    ids.units.length,
    a.patterns.length,
  );
  const sections: Section[] = [header, a.units, a.cells, a.patterns];
  sections.push(cards.cardStart, cards.exactStart, cards.cards, ids.ends, ids.units);
  const bytes = new Uint8Array(sections.reduce((sum, s) => sum + padded(s.byteLength), 0));
  let at = 0;
  for (const section of sections) {
    bytes.set(new Uint8Array(section.buffer, section.byteOffset, section.byteLength), at);
    at += padded(section.byteLength);
  }
  return bytes;
}

/**
 * A matcher from bytes made by `serializeMatcher`. The matcher keeps views over the bytes:
 * do not modify them afterwards. Throws on bytes of another format or version, or truncated.
 */
export function loadMatcher(bytes: Uint8Array | ArrayBuffer): Matcher {
  let view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (view.byteOffset % 4 !== 0) view = view.slice();
  const { buffer, byteOffset, byteLength } = view;
  if (byteLength < 4 * HEADER_INTS) throw new Error('Matcher bytes are truncated');
  const [magic, version, cellInts, units, patterns, links, cardCount, idUnits, patternSlots] = new Int32Array(
    buffer,
    byteOffset,
    HEADER_INTS,
  ) as unknown as number[];
  if (magic !== MAGIC || version !== VERSION)
    throw new Error('Matcher bytes are of another format or version');
  let at = byteOffset + 4 * HEADER_INTS;
  const take = <T extends Section>(make: (at: number) => T): T => {
    const section = make(at);
    at += padded(section.byteLength);
    return section;
  };
  const ints = (count = 0) => {
    if (count < 0 || at + 4 * count > byteOffset + byteLength) throw new Error('Matcher bytes are truncated');
    return take((from) => new Int32Array(buffer, from, count));
  };
  const shorts = (count = 0) => {
    if (count < 0 || at + 2 * count > byteOffset + byteLength) throw new Error('Matcher bytes are truncated');
    return take((from) => new Uint16Array(buffer, from, count));
  };
  const alphabetUnits = shorts(units);
  const automaton = {
    alphabet: alphabetFromUnits(alphabetUnits),
    units: alphabetUnits,
    cells: ints(cellInts),
    patterns: ints(patternSlots),
  };
  const cardStart = ints((patterns ?? 0) + 1);
  const exactStart = ints(patterns);
  const cards = ints(links);
  const idEnds = ints(cardCount);
  const idText = shorts(idUnits);
  return new CompiledMatcher(
    automaton,
    new CardTable(cardStart, exactStart, cards, () => unitsToIds(idEnds, idText)),
  );
}
