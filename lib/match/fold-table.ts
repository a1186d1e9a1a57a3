/**
 * Per-code-unit cache of `foldCodePoint`, so the normaliser's inner loop is one typed-array
 * read. Entries are filled on first sight: a page uses a few hundred distinct characters,
 * and filling all 65,536 up front would cost tens of milliseconds of every cold start.
 *
 * An entry is `code | class << CLASS_SHIFT`: the code says what the unit folds to, and for a
 * single folded unit the class (char-class.ts) of that unit rides along, which saves the
 * normaliser a second, dependent table read per character.
 */
import { classOfCodePoint } from './char-class';
import { DASH_MARK, foldCodePoint, SPACE_MARK } from './char-fold';

/** Mask of the code part of an entry. */
export const FOLD_CODE = 0x1ffff;
/** Shift of the class part of an entry. */
export const CLASS_SHIFT = 20;

/** Code: 0 = not computed yet; 1..0x10000 = the single folded unit plus one. */
export const FOLD_UNKNOWN = 0;
/** Code: the character is white space. */
export const FOLD_SPACE = 0x10001;
/** Code: the character is a dash. */
export const FOLD_DASH = 0x10002;
/** Code: the character is ignored (zero-width, soft hyphen, accent mark). */
export const FOLD_GONE = 0x10003;
/** Code: the character folds to several units; read them with `expansionOf`. */
export const FOLD_MULTI = 0x10004;
/** Code: a surrogate, to be read as part of a pair with `expansionOf`. */
export const FOLD_SURROGATE = 0x10005;

/** The cache, indexed by UTF-16 code unit. Read it directly; call `foldUnit` on FOLD_UNKNOWN. */
export const foldTable = new Int32Array(0x10000);
foldTable.fill(FOLD_SURROGATE, 0xd800, 0xe000);

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

/** Fills and returns the table entry of a BMP code unit that is not a surrogate. */
export function foldUnit(unit: number): number {
  const folded = foldCodePoint(unit);
  let entry = FOLD_MULTI;
  if (folded.length === 0) entry = FOLD_GONE;
  else if (folded.length === 1) {
    const only = folded[0] as number;
    if (only === SPACE_MARK) entry = FOLD_SPACE;
    else if (only === DASH_MARK) entry = FOLD_DASH;
    else entry = only + 1 + (classOfCodePoint(only) << CLASS_SHIFT);
  }
  if (entry === FOLD_MULTI) expansions.set(unit, Int32Array.from(folded));
  foldTable[unit] = entry;
  return entry;
}

// ASCII is on every page: fill it now so the common path never takes the slow call.
for (let unit = 0; unit < 0x80; unit++) foldUnit(unit);
