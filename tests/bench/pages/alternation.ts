/**
 * The single RegExp a mark.js user builds for a list of terms: every term escaped, longest
 * first (an alternation takes the first branch that matches), whole words only, any case.
 */

/** Escapes the characters that are syntax in a `u`-flag RegExp (only those may be escaped). */
function escapeTerm(term: string): string {
  return term.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/** Source and flags, ready to pass into a page and compile there. */
export interface RegExpSpec {
  source: string;
  flags: string;
}

/**
 * `\b` only knows ASCII word characters, so "Zürich" would match inside "Zürichsee" and a
 * term could start after "é"; letter and digit lookarounds give the whole-word rule for any
 * script instead.
 */
export function alternation(terms: string[]): RegExpSpec {
  const unique = [...new Set(terms.map((t) => t.trim()).filter((t) => t.length > 0))];
  unique.sort((a, b) => b.length - a.length);
  return {
    source: `(?<![\\p{L}\\p{N}])(?:${unique.map(escapeTerm).join('|')})(?![\\p{L}\\p{N}])`,
    flags: 'giu',
  };
}
