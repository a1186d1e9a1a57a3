/**
 * A slow, obviously correct statement of the matching rules, for the property test to hold
 * the engine against. It shares no code with lib/match: it folds character by character
 * into plain arrays, tries every term at every position, and picks leftmost-longest by hand.
 */
import type { Mention, TermEntry } from '../../../lib/match/types';

// The rules' character sets, restated from docs/matching.md.
const IGNORED = /\p{Default_Ignorable_Code_Point}/u;
const ACCENT = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/u;
const SPACE = /[\s\u0085]/u;
const DASH = /^(?![\u301c\u3030\u30a0])[\p{Pd}\u2212]$/u;
const APOSTROPHE = /['\u2018\u2019\u02bc]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;
const NO_SPACES = /[\p{scx=Han}\p{scx=Hira}\p{scx=Kana}\p{scx=Thai}\p{scx=Laoo}\p{scx=Khmr}\p{scx=Mymr}]/u;

/** One folded unit: a UTF-16 unit, or a separator; `from` is where its character starts in the original. */
interface Unit {
  unit: string;
  from: number;
}

function withoutAccents(text: string): string {
  return [...text.normalize('NFKD')].filter((ch) => !ACCENT.test(ch) && !IGNORED.test(ch)).join('');
}

/** Character by character: fold, then merge runs of spaces around at most one dash into one ' '. */
function fold(text: string): Unit[] {
  const marked: Unit[] = [];
  let from = 0;
  for (const ch of text) {
    if (!IGNORED.test(ch)) {
      for (const part of withoutAccents(withoutAccents(ch).toLowerCase().toUpperCase().toLowerCase())) {
        if (SPACE.test(part)) marked.push({ unit: 'W', from });
        else if (DASH.test(part)) marked.push({ unit: 'D', from });
        else if (APOSTROPHE.test(part)) marked.push({ unit: "'", from });
        else for (const unit of part.split('')) marked.push({ unit: `c${unit}`, from });
      }
    }
    from += ch.length;
  }
  // Separator runs, found with a regular expression over the kinds: W*DW* or W+.
  const kinds = marked.map((m) => (m.unit === 'W' || m.unit === 'D' ? m.unit : 'c')).join('');
  const out: Unit[] = [];
  let at = 0;
  for (const run of kinds.matchAll(/W*DW*|W+/g)) {
    for (; at < (run.index as number); at++) out.push(unitOf(marked[at] as Unit));
    out.push({ unit: ' ', from: (marked[at] as Unit).from });
    at += run[0].length;
  }
  for (; at < marked.length; at++) out.push(unitOf(marked[at] as Unit));
  return out;
}

function unitOf(marked: Unit): Unit {
  return { unit: marked.unit === "'" ? "'" : marked.unit.slice(1), from: marked.from };
}

interface Term {
  key: string;
  cardId: string;
  allCapitals: boolean;
}

function termOf(entry: TermEntry): Term | undefined {
  if (typeof entry.term !== 'string' || typeof entry.cardId !== 'string') return undefined;
  let units = fold(entry.term);
  while (units[0]?.unit === ' ') units = units.slice(1);
  while (units[units.length - 1]?.unit === ' ') units = units.slice(0, -1);
  const key = units.map((u) => u.unit).join('');
  const characters = new Set(units.map((u) => u.from)).size;
  if (characters < 2 || key.length > 256 || !LETTER_OR_DIGIT.test(key)) return undefined;
  const capitals = [...entry.term].filter((ch) => /\p{Uppercase}/u.test(ch)).length;
  const allCapitals = capitals >= 2 && !/\p{Lowercase}/u.test(entry.term);
  return { key, cardId: entry.cardId, allCapitals };
}

/** The code point of `text` that ends at `index`, or '' at the start. */
function before(text: string, index: number): string {
  if (index === 0) return '';
  const low = text.charCodeAt(index - 1);
  const pair = index >= 2 && low >= 0xdc00 && low < 0xe000 && text.charCodeAt(index - 2) >= 0xd800;
  return pair && text.charCodeAt(index - 2) < 0xdc00
    ? text.slice(index - 2, index)
    : text.slice(index - 1, index);
}

/** The code point of `text` that starts at `index`, or '' at the end. */
function after(text: string, index: number): string {
  const codePoint = text.codePointAt(index);
  return codePoint === undefined ? '' : String.fromCodePoint(codePoint);
}

function mayTouch(outside: string, inside: string): boolean {
  return !LETTER_OR_DIGIT.test(outside) || NO_SPACES.test(outside) || NO_SPACES.test(inside);
}

/** Every mention of `entries` in `text`, by trying every term at every position. */
export function referenceFind(entries: TermEntry[], text: string): Mention[] {
  const terms = entries.map(termOf).filter((t): t is Term => t !== undefined);
  const units = fold(text);
  const folded = units.map((u) => u.unit).join('');
  const origin = (i: number) => (i < units.length ? (units[i] as Unit).from : text.length);
  const mentions: Mention[] = [];
  for (let start = 0; start < units.length; ) {
    let best: Mention | undefined;
    for (const term of terms) {
      const end = start + term.key.length;
      if (folded.slice(start, end) !== term.key) continue;
      if (start > 0 && origin(start) === origin(start - 1)) continue;
      if (end < units.length && origin(end) === origin(end - 1)) continue;
      if (!mayTouch(before(folded, start), after(folded, start))) continue;
      if (!mayTouch(after(folded, end), before(folded, end))) continue;
      const original = { start: origin(start), end: origin(end) };
      if (term.allCapitals && /\p{Lowercase}/u.test(text.slice(original.start, original.end))) continue;
      if (!best || original.end > best.end) best = { ...original, cardIds: [] };
      if (original.end === best.end && !best.cardIds.includes(term.cardId)) best.cardIds.push(term.cardId);
    }
    if (!best) {
      start++;
      continue;
    }
    best.cardIds.sort();
    mentions.push(best);
    while (start < units.length && origin(start) < best.end) start++;
  }
  return mentions;
}
