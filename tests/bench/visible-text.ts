/**
 * Visible text of a saved HTML page, without a DOM: a simple, honest extraction for the
 * benchmark. It drops the head, comments and script/style/noscript/template elements, turns
 * tags into spaces (inline tags into nothing, so "<b>NA</b>TO" stays one word), decodes
 * entities and collapses white space, which is how the corpus measures `visibleTextLength`.
 */

const INVISIBLE = /<(script|style|noscript|template|head)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const COMMENT = /<!--[\s\S]*?-->/g;
const INLINE_TAG =
  /<\/?(?:a|abbr|b|bdi|bdo|cite|code|em|i|kbd|mark|q|s|small|span|strong|sub|sup|time|u|var)\b[^>]*>/gi;
const ANY_TAG = /<[^>]*>/g;
const ENTITY = /&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/gi;

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  shy: '\u00ad',
  ndash: '\u2013',
  mdash: '\u2014',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  hellip: '\u2026',
  copy: '\u00a9',
  middot: '\u00b7',
  bull: '\u2022',
};

function decodeEntity(whole: string, name: string): string {
  if (name[0] === '#') {
    const code =
      name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  }
  return NAMED[name.toLowerCase()] ?? whole;
}

/** The text a reader sees on the page, approximately, with white space collapsed. */
export function visibleText(html: string): string {
  return html
    .replace(COMMENT, ' ')
    .replace(INVISIBLE, ' ')
    .replace(INLINE_TAG, '')
    .replace(ANY_TAG, ' ')
    .replace(ENTITY, decodeEntity)
    .replace(/\s+/g, ' ')
    .trim();
}
