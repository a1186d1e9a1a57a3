/**
 * Folds text for lookups that ignore case and accents ("Kyïv" -> "kyiv"): compatibility
 * normalisation, combining marks removed, lower case, runs of white space as one space.
 * The mention engine has its own, offset-preserving normaliser; this one is for keys.
 */
export function foldTerm(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}
