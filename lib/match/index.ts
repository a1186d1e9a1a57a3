// Placeholder until the mention engine (issue 3) lands: case-insensitive substring search.
import type { Matcher, Mention, TermEntry } from './types';

export type { Matcher, Mention, TermEntry } from './types';

/** Compiles a matcher for the given terms. */
export function compileMatcher(entries: Iterable<TermEntry>): Matcher {
  const byTerm = new Map<string, Set<string>>();
  for (const { term, cardId } of entries) {
    const key = term.toLowerCase();
    if (key.length < 2) continue;
    const ids = byTerm.get(key) ?? new Set<string>();
    ids.add(cardId);
    byTerm.set(key, ids);
  }
  const terms = [...byTerm.keys()].sort((a, b) => b.length - a.length);
  return {
    find(text: string): Mention[] {
      const lower = text.toLowerCase();
      const found: Mention[] = [];
      let at = 0;
      while (at < lower.length) {
        const hit = terms.find((t) => lower.startsWith(t, at));
        if (hit) {
          found.push({ start: at, end: at + hit.length, cardIds: [...(byTerm.get(hit) ?? [])].sort() });
          at += hit.length;
        } else at++;
      }
      return found;
    },
  };
}
