/**
 * Per-code-unit cache of `foldCodePoint`, so the normaliser's inner loop is one typed-array
 * read. Entries are filled on first sight: a page uses a few hundred distinct characters,
 * and filling all 65,536 up front would cost tens of milliseconds of every cold start.
 *
 * An entry packs what the loop needs without a second table read:
 * - bits 0–15: the folded unit (the separator 0x20 for white space);
 * - bit 16 (SPACE_BIT): white space, which merges with its neighbours into one separator;
 * - bit 17 (RARE_BIT): a dash, an ignored character, or one that folds to several units or
 *   is a surrogate; bits 18–19 then say which (RARE_DASH, RARE_GONE, RARE_EXPAND);
 * - bits 20 and up (CLASS_SHIFT): the class (char-class.ts) of the folded unit, 0 for space.
 * An entry of 0 means "not computed yet".
 */
import { classOfCodePoint } from './char-class';
import { DASH_MARK, foldCodePoint, SEPARATOR, SPACE_MARK } from './char-fold';

/** Mask of the folded unit. */
export const UNIT_MASK = 0xffff;
/** Set for white space. */
export const SPACE_BIT = 1 << 16;
/** Set for the characters the loop leaves to its slow path. */
export const RARE_BIT = 1 << 17;
/** Shift of the rare kind. */
export const RARE_SHIFT = 18;
/** Rare kind: a dash, which becomes a separator like a space. */
export const RARE_DASH = 1;
/** Rare kind: ignored (zero-width, soft hyphen, accent mark). */
export const RARE_GONE = 2;
/** Rare kind: folds to several units or is a surrogate; read it with `expansionOf`. */
export const RARE_EXPAND = 3;
/** Shift of the class part of an entry. */
export const CLASS_SHIFT = 20;

/** The cache, indexed by UTF-16 code unit. Read it directly; call `foldUnit` on 0. */
export const foldTable = new Int32Array(0x10000);
foldTable.fill(RARE_BIT | (RARE_EXPAND << RARE_SHIFT), 0xd800, 0xe000);

const expansions = new Map<number, Int32Array>();

/** The folded units of a code point (SPACE_MARK / DASH_MARK included), cached. */
export function expansionOf(codePoint: number): Int32Array {
  let found = expansions.get(codePoint);
  if (found === undefined) {
    found = Int32Array.from(foldCodePoint(codePoint));
    expansions.set(codePoint, found);
  }
  return found;
}

const rare = (kind: number) => RARE_BIT | (kind << RARE_SHIFT);

/** Fills and returns the table entry of a BMP code unit that is not a surrogate. */
export function foldUnit(unit: number): number {
  const folded = foldCodePoint(unit);
  let entry: number;
  if (folded.length === 0) entry = rare(RARE_GONE);
  else if (folded.length > 1) {
    entry = rare(RARE_EXPAND);
    expansions.set(unit, Int32Array.from(folded));
  } else {
    const only = folded[0] as number;
    if (only === SPACE_MARK) entry = SPACE_BIT | SEPARATOR;
    else if (only === DASH_MARK) entry = rare(RARE_DASH);
    else entry = only | (classOfCodePoint(only) << CLASS_SHIFT);
  }
  foldTable[unit] = entry;
  return entry;
}

// ASCII is on every page: fill it now so the common path never takes the slow call.
for (let unit = 0; unit < 0x80; unit++) foldUnit(unit);
