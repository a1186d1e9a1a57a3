/**
 * Persisting a compiled matcher, so a restarted service worker loads it instead of
 * recompiling. The bytes are the matcher's typed arrays laid end to end behind a small
 * header; loading makes views over them, without copying or parsing.
 */
import { alphabetFromUnits } from './alphabet';
import { PackedCardIds, packCardIds } from './card-ids';
import { CardTable } from './card-table';
import { CompiledMatcher } from './compiled-matcher';
import type { Matcher } from './types';

const MAGIC = 0x314d5342; // "BSM1" read as a little-endian Int32: a wrong-endian host fails here.
// 2: card ids that are all ASCII are stored as bytes (flag IDS_ASCII).
const VERSION = 2;
/** magic, version, then the length of each section below, then flags. */
const HEADER_INTS = 12;
const IDS_WELL_FORMED = 1;
const IDS_ASCII = 2;

type Section = Int32Array | Uint16Array | Uint8Array;

function padded(bytes: number): number {
  return (bytes + 3) & ~3;
}

/** The bytes of `matcher` (one made by `compileMatcher` or `loadMatcher`), for IndexedDB. */
export function serializeMatcher(matcher: Matcher): Uint8Array {
  if (!(matcher instanceof CompiledMatcher)) throw new TypeError('serializeMatcher needs a compiled matcher');
  const { automaton: a, cards } = matcher;
  // A loaded matcher's ids are still packed: write them back as they are.
  const ids = cards.ids instanceof PackedCardIds ? cards.ids : packCardIds(cards.ids);
  const wellFormed = ids instanceof PackedCardIds ? ids.isWellFormed : ids.wellFormed;
  const sections: Section[] = [
    a.units,
    a.cells,
    a.patterns,
    a.tails,
    cards.cardStart,
    cards.exactStart,
    cards.cards,
  ];
  sections.push(ids.ends, ids.units);
  const header = Int32Array.of(
    MAGIC,
    VERSION,
    ...sections.map((s) => s.length),
    (wellFormed ? IDS_WELL_FORMED : 0) | (ids.units instanceof Uint8Array ? IDS_ASCII : 0),
  );
  const bytes = new Uint8Array([header, ...sections].reduce((sum, s) => sum + padded(s.byteLength), 0));
  let at = 0;
  for (const section of [header, ...sections]) {
    bytes.set(new Uint8Array(section.buffer, section.byteOffset, section.byteLength), at);
    at += padded(section.byteLength);
  }
  return bytes;
}

/**
 * A matcher from bytes made by `serializeMatcher`. The matcher keeps views over the bytes:
 * do not modify them afterwards. Throws on bytes of another format or version, or truncated;
 * the caller should then compile afresh.
 */
export function loadMatcher(bytes: Uint8Array | ArrayBuffer): Matcher {
  let view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (view.byteOffset % 4 !== 0) view = view.slice();
  const { buffer, byteOffset, byteLength } = view;
  if (byteLength < 4 * HEADER_INTS) throw new Error('Matcher bytes are truncated');
  const header = new Int32Array(buffer, byteOffset, HEADER_INTS);
  if (header[0] !== MAGIC || header[1] !== VERSION)
    throw new Error('Matcher bytes are of another format or version');
  let at = byteOffset + 4 * HEADER_INTS;
  let field = 2;
  const next = <T extends Section>(Kind: {
    new (b: ArrayBuffer, o: number, n: number): T;
    BYTES_PER_ELEMENT: number;
  }) => {
    const count = header[field++] as number;
    if (count < 0 || at + Kind.BYTES_PER_ELEMENT * count > byteOffset + byteLength) {
      throw new Error('Matcher bytes are truncated');
    }
    const section = new Kind(buffer as ArrayBuffer, at, count);
    at += padded(section.byteLength);
    return section;
  };
  const units = next(Uint16Array);
  const automaton = {
    units,
    alphabet: alphabetFromUnits(units),
    cells: next(Int32Array),
    patterns: next(Int32Array),
    tails: next(Uint16Array),
  };
  const cardStart = next(Int32Array);
  const exactStart = next(Int32Array);
  const cards = next(Int32Array);
  const ends = next(Int32Array);
  const flags = header[HEADER_INTS - 1] as number;
  const idUnits = flags & IDS_ASCII ? next(Uint8Array) : next(Uint16Array);
  const ids = new PackedCardIds(ends, idUnits, (flags & IDS_WELL_FORMED) !== 0);
  return new CompiledMatcher(automaton, new CardTable(cardStart, exactStart, cards, ids));
}
