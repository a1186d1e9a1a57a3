/** Small helpers so each rule test reads as data: terms per card in, matched text out. */
import { compileMatcher, type Matcher } from '../../../lib/match';

/** A matcher for `{ cardId: [terms] }`. */
export function matcherFor(cards: Record<string, string[]>): Matcher {
  return compileMatcher(
    Object.entries(cards).flatMap(([cardId, terms]) => terms.map((term) => ({ term, cardId }))),
  );
}

/** What `matcher` finds in `text`, as the original text of each mention. */
export function found(matcher: Matcher, text: string): string[] {
  return matcher.find(text).map((m) => text.slice(m.start, m.end));
}

/** The texts a single term finds in `text`. */
export function termFinds(term: string, text: string): string[] {
  return found(matcherFor({ card: [term] }), text);
}
