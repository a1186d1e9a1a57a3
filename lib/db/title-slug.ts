import { foldTerm } from '../text/fold';

/**
 * A title in id characters, for card and pack ids: folded to lower-case Latin letters and
 * digits ("l’Été" → "l-ete"), each other run of characters one dash, none at either end,
 * at most `maxLength` characters. Empty for a title with no Latin letters or digits; each
 * caller has its own fallback for that.
 */
export function titleSlug(title: string, maxLength: number): string {
  return foldTerm(title)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
}
