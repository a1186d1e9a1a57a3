import { isYours } from '../db/cards';
import type { StoredCard } from '../db/records';
import { forEachWord } from './fold-words';

/** Characters of the summary shown under a title in the list. */
const SNIPPET_LENGTH = 160;

/**
 * Where a card's searchable words live in its haystack, in order of weight. Each field is
 * closed by its own separator, so a phrase never matches across two fields.
 */
export const FIELDS = ['title', 'aliases', 'tags', 'summary'] as const;

/** One field of a card's haystack. */
export type SearchField = (typeof FIELDS)[number];

/** What the manager lists and searches for one card: small, and cheap to keep for 10,000. */
export interface CatalogEntry {
  id: string;
  title: string;
  /** The start of the summary, cut at a word. */
  snippet: string;
  tags: string[];
  modified: number;
  /** Whether the reader wrote or edited the card (see `isYours`): the export form counts these. */
  yours: boolean;
  /**
   * The card's folded words, each after a space, field by field (title, aliases, tags,
   * summary), each field ended by "\n": " 2025 the hague summit\n hague summit\t…".
   * A query word is a prefix of a card word exactly when " " + word occurs in it.
   */
  haystack: string;
}

function snippetOf(summary: string): string {
  if (summary.length <= SNIPPET_LENGTH) return summary;
  const cut = summary.slice(0, SNIPPET_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${(space > SNIPPET_LENGTH / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The words of one phrase, each after a space: " the hague summit". */
function phrase(text: string, seen: Set<string>): string {
  let words = '';
  forEachWord(text, (word) => {
    words += ` ${word}`;
    seen.add(word);
  });
  return words;
}

/**
 * The catalog entry of a stored card. The title and each alias stay whole, so a phrase
 * query can match them; tag and summary words already found in a weightier field are
 * left out, which keeps a long summary from bloating the catalog.
 */
export function toCatalogEntry(card: StoredCard): CatalogEntry {
  const seen = new Set<string>();
  const title = phrase(card.title, seen);
  // Aliases are joined by a tab so a phrase cannot run from one alias into the next.
  const aliases = (card.aliases ?? []).map((alias) => phrase(alias, seen)).join('\t');
  const rest = (texts: readonly string[]) => {
    let words = '';
    for (const text of texts) {
      forEachWord(text, (word) => {
        if (seen.has(word)) return;
        seen.add(word);
        words += ` ${word}`;
      });
    }
    return words;
  };
  const tags = rest(card.tags ?? []);
  const summary = rest([card.summary]);
  return {
    id: card.id,
    title: card.title,
    snippet: snippetOf(card.summary),
    tags: card.tags ?? [],
    modified: card.modified,
    yours: isYours(card),
    haystack: `${title}\n${aliases}\n${tags}\n${summary}\n`,
  };
}
