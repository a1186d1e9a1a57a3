/**
 * Character classes for the boundary and case rules, cached per code unit like the fold
 * table: a letter, digit or mark is part of a word; some scripts are written without
 * spaces; a lower-case character defeats an all-capitals term.
 */

/** Letter, digit or combining mark: a mention may not have one directly outside it. */
export const WORD = 1;
/** Han, kana, Thai, Lao, Khmer, Myanmar: scripts written without spaces between words. */
export const NO_SPACE = 2;
/** Lower-case (Unicode Lowercase property). */
export const LOWER = 4;
const KNOWN = 8;
/** Set in `classTable` for surrogates: read the pair with `classFrom` / `classBefore`. */
export const SURROGATE = 16;

const WORD_RE = /[\p{L}\p{N}\p{M}]/u;
const NO_SPACE_RE = /[\p{scx=Han}\p{scx=Hira}\p{scx=Kana}\p{scx=Thai}\p{scx=Laoo}\p{scx=Khmr}\p{scx=Mymr}]/u;
const LOWER_RE = /\p{Lowercase}/u;

/**
 * Class of each BMP code unit, 0 until first computed. Hot loops read it directly and call
 * `classFrom` / `classBefore` when they find 0 or SURROGATE.
 */
export const classTable = new Uint8Array(0x10000);
const table = classTable;
table.fill(KNOWN | SURROGATE, 0xd800, 0xe000);
const astral = new Map<number, number>();

/**
 * The boundary rule between a character outside a mention and the mention's edge character:
 * they may touch unless the outside one is a letter or digit, and even then when either is
 * in a script written without spaces. The hot loops inline this; keep them in step.
 */
export function separates(outside: number, inside: number): boolean {
  return (outside & WORD) === 0 || ((outside | inside) & NO_SPACE) !== 0;
}

function classify(codePoint: number): number {
  const ch = String.fromCodePoint(codePoint);
  return (
    KNOWN |
    (WORD_RE.test(ch) ? WORD : 0) |
    (NO_SPACE_RE.test(ch) ? NO_SPACE : 0) |
    (LOWER_RE.test(ch) ? LOWER : 0)
  );
}

/** Class of one code point (WORD, NO_SPACE, LOWER bits), cached. */
export function classOfCodePoint(codePoint: number): number {
  if (codePoint < 0x10000) {
    let found = table[codePoint] as number;
    if (found === 0) {
      found = classify(codePoint);
      table[codePoint] = found;
    }
    return found;
  }
  let found = astral.get(codePoint);
  if (found === undefined) {
    found = classify(codePoint);
    astral.set(codePoint, found);
  }
  return found;
}

function isHigh(unit: number | undefined): boolean {
  return unit !== undefined && unit >= 0xd800 && unit < 0xdc00;
}

function isLow(unit: number | undefined): boolean {
  return unit !== undefined && unit >= 0xdc00 && unit < 0xe000;
}

function pair(high: number, low: number): number {
  return ((high - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
}

/** Class of the code point that starts at `index` of `units` (a lone surrogate is its own). */
export function classFrom(units: ArrayLike<number>, index: number, length: number): number {
  const unit = units[index] as number;
  const found = unit < 0x10000 ? (table[unit] as number) : 0;
  if (found !== 0 && (found & SURROGATE) === 0) return found;
  if (isHigh(unit) && index + 1 < length && isLow(units[index + 1])) {
    return classOfCodePoint(pair(unit, units[index + 1] as number));
  }
  return classOfCodePoint(unit);
}

/** Class of the code point that ends just before `index` of `units`. */
export function classBefore(units: ArrayLike<number>, index: number): number {
  const unit = units[index - 1] as number;
  if (isLow(unit) && index >= 2 && isHigh(units[index - 2])) {
    return classOfCodePoint(pair(units[index - 2] as number, unit));
  }
  return classFrom(units, index - 1, index);
}

/** Whether `text` has a lower-case character between `start` and `end`. */
export function hasLowercase(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const codePoint = text.codePointAt(i) as number;
    if (classOfCodePoint(codePoint) & LOWER) return true;
    if (codePoint > 0xffff) i++;
  }
  return false;
}
