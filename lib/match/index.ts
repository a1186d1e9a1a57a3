/**
 * The mention engine: compile every card's terms once, then find mentions in page text.
 * docs/matching.md gives the rules and the design.
 */
import { buildAutomaton } from './automaton';
import { ArrayCardIds } from './card-ids';
import { CardTable } from './card-table';
import { CompiledMatcher } from './compiled-matcher';
import { buildDictionary } from './dictionary';
import type { Matcher, TermEntry } from './types';

export { loadMatcher, serializeMatcher } from './serialize';
export type { Matcher, Mention, TermEntry } from './types';

/**
 * Compiles a matcher for the given terms (each card's title and aliases). Terms that cannot
 * be matched (empty, one character, punctuation only, absurdly long) are skipped silently.
 */
export function compileMatcher(entries: Iterable<TermEntry>): Matcher {
  const dictionary = buildDictionary(entries);
  const automaton = buildAutomaton(dictionary.keys);
  const ids = new ArrayCardIds(dictionary.cardIds);
  const cards = new CardTable(dictionary.cardStart, dictionary.exactStart, dictionary.cards, ids);
  return new CompiledMatcher(automaton, cards);
}
