import type { Card } from '../pack/types';
import { DEFAULT_PREFERENCES, type Preferences } from '../protocol/preferences';

/** One mention painted on the page: its range and the cards it refers to. */
export interface PaintedMention {
  /** A StaticRange from the annotator (see `mentionRange`); `liveRange` measures it. */
  range: AbstractRange;
  /** One or more card ids; several when cards share the term. */
  cardIds: string[];
}

/**
 * What the page currently shows: every mention (document order) with its cards, and the
 * reader's preferences. The annotator writes it; the card and the tab handlers read it.
 */
export class MentionStore {
  private current: readonly PaintedMention[] = [];
  private cardMap: Readonly<Record<string, Card>> = Object.create(null);
  private prefs: Preferences = DEFAULT_PREFERENCES;
  private open: readonly string[] = [];
  private missing: ReadonlySet<string> = new Set();
  private readonly listeners = new Set<() => void>();

  /** Every mention on the page in document order; all of them are hoverable. */
  get mentions(): readonly PaintedMention[] {
    return this.current;
  }

  /** The cards the mentions refer to, by id (the data arrives with the mentions). */
  get cards(): Readonly<Record<string, Card>> {
    return this.cardMap;
  }

  get preferences(): Preferences {
    return this.prefs;
  }

  /**
   * The cards the reader has open on the page (the card sets them). Every scan asks for them
   * by id, so an open card whose mention is gone for the moment still gets its edits, and
   * learns when it was deleted.
   */
  get shown(): readonly string[] {
    return this.open;
  }

  setShown(ids: readonly string[]): void {
    this.open = ids;
  }

  /** Of the cards the latest scan asked for by id, those the background says are deleted or hidden on the site. */
  get gone(): ReadonlySet<string> {
    return this.missing;
  }

  /** Replaces the mentions (and cards, preferences and the cards gone) and tells the listeners. */
  set(
    mentions: readonly PaintedMention[],
    cards: Record<string, Card>,
    preferences: Preferences,
    gone: ReadonlySet<string> = new Set(),
  ): void {
    this.current = mentions;
    this.cardMap = cards;
    this.prefs = preferences;
    this.missing = gone;
    for (const listener of this.listeners) listener();
  }

  /** Calls `listener` after every change until `signal` aborts. */
  subscribe(listener: () => void, signal: AbortSignal): void {
    this.listeners.add(listener);
    signal.addEventListener('abort', () => this.listeners.delete(listener), { once: true });
  }
}
