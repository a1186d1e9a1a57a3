/**
 * A matcher made of an automaton and a card table: folds the text, scans it, and picks
 * mentions leftmost-longest without overlaps.
 */
import type { Automaton } from './automaton';
import type { CardTable } from './card-table';
import { hasLowercase } from './char-class';
import { FoldedText, foldText } from './folded-text';
import { scanMentions } from './scan';
import type { Matcher, Mention } from './types';

/** Scratch buffers larger than this many units are dropped after use rather than kept. */
const KEEP_UNITS = 1 << 20;

/** The engine behind `compileMatcher` and `loadMatcher`. */
export class CompiledMatcher implements Matcher {
  // Scratch reused by every call: find() is synchronous, so one set per matcher is enough.
  private folded = new FoldedText();
  private text = '';
  private mentions: Mention[] = [];
  private limit = Number.POSITIVE_INFINITY;

  constructor(
    readonly automaton: Automaton,
    readonly cards: CardTable,
  ) {}

  /** See `Matcher.find`. */
  find(text: string, limit = Number.POSITIVE_INFINITY): Mention[] {
    if (typeof text !== 'string' || text.length === 0 || this.cards.patternCount === 0 || !(limit > 0))
      return [];
    foldText(text, this.folded);
    this.text = text;
    const mentions: Mention[] = [];
    this.mentions = mentions;
    this.limit = limit;
    scanMentions(this.automaton, this.folded, this.accept, this.emit);
    this.text = '';
    this.mentions = [];
    // A 10 MB page would otherwise leave 100 MB of scratch in the service worker for good.
    if (this.folded.units.length > KEEP_UNITS) this.folded = new FoldedText();
    return mentions;
  }

  private readonly emit = (start: number, end: number, pattern: number): boolean =>
    this.mentions.push(this.mention(pattern, start, end)) < this.limit;

  /** The case rule: an all-capitals term needs text without lower case. */
  private readonly accept = (pattern: number, start: number, end: number): boolean =>
    this.cards.anyCase(pattern) || this.capitalsOnly(start, end);

  private capitalsOnly(start: number, end: number): boolean {
    const { origins } = this.folded;
    return !hasLowercase(this.text, origins[start] as number, origins[end] as number);
  }

  private mention(pattern: number, start: number, end: number): Mention {
    const { origins } = this.folded;
    const withExact = this.cards.exactCase(pattern) && this.capitalsOnly(start, end);
    return {
      start: origins[start] as number,
      end: origins[end] as number,
      cardIds: this.cards.idsFor(pattern, withExact),
    };
  }
}
