/**
 * What one code point becomes in folded text: the single place that says which
 * characters are equal for matching. Terms and page text go through the same function,
 * so a rule written here holds on both sides.
 */

/** Marker in an expansion: white space, later merged with its neighbours into one separator. */
export const SPACE_MARK = -1;
/** Marker in an expansion: a dash, which becomes a separator like a space. */
export const DASH_MARK = -2;

/** The folded unit every separator (space run or dash) becomes. */
export const SEPARATOR = 0x20;
/** The folded unit every apostrophe becomes. */
export const APOSTROPHE = 0x27;

// Default_Ignorable covers soft hyphen, zero-width characters, bidi controls and variation
// selectors: invisible, so a page may hold them anywhere without changing what is read.
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
// Only the combining blocks that carry accents: stripping every mark would gut Indic and
// Thai vowel signs, which are letters of the word rather than decoration.
const ACCENT = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/u;
const WHITE = /[\s\u0085]/u;
// The wave dashes and the katakana double hyphen are Pd but are not read as dashes.
const DASH = /^(?![\u301c\u3030\u30a0])[\p{Pd}\u2212]$/u;
const APOSTROPHES = /['\u2018\u2019\u02bc]/u;

/**
 * Case folding by round trip: lower, upper, lower. It maps ß to ss and final sigma to
 * sigma, which a single toLowerCase does not, and is the same for both cases of a letter.
 */
function foldCase(text: string): string {
  return text.toLowerCase().toUpperCase().toLowerCase();
}

/** Compatibility decomposition with the accent marks removed. */
function stripAccents(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFKD')) if (!ACCENT.test(ch) && !IGNORABLE.test(ch)) out += ch;
  return out;
}

/**
 * The folded form of one code point, as UTF-16 units with SPACE_MARK and DASH_MARK for
 * separators. Empty for characters that are ignored. Slow (string normalisation and
 * regular expressions): callers cache it per code point.
 */
export function foldCodePoint(codePoint: number): number[] {
  const ch = String.fromCodePoint(codePoint);
  if (IGNORABLE.test(ch)) return [];
  const out: number[] = [];
  for (const part of stripAccents(foldCase(stripAccents(ch)))) {
    if (WHITE.test(part)) out.push(SPACE_MARK);
    else if (DASH.test(part)) out.push(DASH_MARK);
    else if (APOSTROPHES.test(part)) out.push(APOSTROPHE);
    else for (let i = 0; i < part.length; i++) out.push(part.charCodeAt(i));
  }
  return out;
}
