import { cardTerms, readRevision } from '../db/cards';
import type { BackstoryDB } from '../db/schema';
import { compileMatcher, loadMatcher, type Matcher, serializeMatcher, type TermEntry } from '../match';
import {
  asStoredMatcher,
  MATCHER_CACHE_KEY,
  matcherRecord,
  type StoredMatcher,
  storedBytes,
} from './stored-matcher';

// News-like blocks of our own: curly quotes, dashes, currency, figures and place names, as
// pages have them. Matched a few times over, as a page's many short blocks are.
const WARM_UP_BLOCKS = [
  'Updated 14:05 GMT — Ministers from Berlin, Warsaw and Vilnius said on Monday that talks in Geneva would resume “within days”, after a night of shelling near Kharkiv and Odesa.',
  'The delegation’s chief, speaking in Brussels, called the proposal ‘a start… not a settlement’. Officials in Washington and London declined to comment.',
  'Grain exports through the Black Sea fell 12% in March, to 3.4m tonnes; wheat futures in Chicago rose to $6.12 a bushel, and the euro slipped to €0.92 against £0.79.',
  'In Paris, Rome and Madrid, lawmakers debated defence budgets of 2% of GDP — a target first set in Wales in 2014 · see also: NATO summit, The Hague (June 24–25).',
  '“We’re not there yet,” a spokesperson told reporters at the UN in New York. Read more » Photos: Kyiv, Lviv, Dnipro × Tbilisi, Ankara & Istanbul.',
  'Comments (1,204) | Share | Reuters/AP/AFP contributed. Corrections: an earlier version misspelled Zaporizhzhia and gave the wrong date for the Minsk accords.',
  'ÉTÉ, naïve café, Straße, Łódź, Kraków, Curaçao; São Paulo and Zürich.',
];
const WARM_UP_PASSES = 5;
/** Terms found in those blocks, so the engine's paths for a found mention are run as well. */
const WARM_UP_ENTRIES: TermEntry[] = [
  'Berlin',
  'Black Sea',
  'NATO summit',
  'The Hague',
  'Kyiv',
  'Zaporizhzhia',
  'Minsk accords',
  'Łódź',
  'São Paulo',
  'UN',
].map((term, index) => ({ term, cardId: `warm-up-${index}` }));

/** Cards read per request while collecting terms (see termEntries). */
export const TERM_READ_CHUNK = 2000;

/**
 * Every card's terms, read in one transaction in chunks of whole records by id. A cursor
 * costs a step per card, which at 100,000 cards took longer than compiling them; one read
 * of everything would hold every card's whole record in memory at once.
 */
export async function termEntries(db: BackstoryDB, chunk = TERM_READ_CHUNK): Promise<TermEntry[]> {
  return db.transaction('r', db.cards, async () => {
    const entries: TermEntry[] = [];
    let after: string | undefined;
    for (;;) {
      const cards = await (after === undefined ? db.cards.orderBy(':id') : db.cards.where(':id').above(after))
        .limit(chunk)
        .toArray();
      for (const card of cards) for (const term of cardTerms(card)) entries.push({ term, cardId: card.id });
      const last = cards.at(-1);
      if (cards.length < chunk || last === undefined) return entries;
      after = last.id;
    }
  });
}

/** How the service builds and stores matchers; tests count or break them. */
export interface MatcherCodec {
  compile(entries: TermEntry[]): Matcher;
  serialize(matcher: Matcher): Uint8Array;
  load(bytes: Uint8Array): Matcher;
}

const engine: MatcherCodec = { compile: compileMatcher, serialize: serializeMatcher, load: loadMatcher };

/**
 * Keeps one compiled matcher for all tabs. It is rebuilt when the card revision moves (every
 * card write bumps it, whichever extension page made the write). The compiled matcher is
 * stored in IndexedDB, so a service worker that Chrome stopped and restarted loads it in
 * milliseconds instead of compiling every term again.
 */
export class MatcherService {
  private revision = -1;
  private matcher: Matcher | undefined;
  /** The refresh under way, and the revision it is for. */
  private pending: { revision: number; matcher: Promise<Matcher> } | undefined;
  /** Settled once the matcher read as the worker started (if any) has been taken in. */
  private readonly adopted: Promise<void>;
  /** Whether the engine's code has been run by warmEngine. */
  private engineWarm = false;

  /**
   * `stored` is the stored matcher as read when the worker started, before Dexie was ready
   * (lib/background/early-read.ts); it is used if it was compiled for the current revision.
   */
  constructor(
    private readonly db: BackstoryDB,
    private readonly codec: MatcherCodec = engine,
    stored?: Promise<StoredMatcher | undefined>,
  ) {
    this.adopted = stored
      ? stored.then((found) => this.adopt(found)).catch(() => undefined)
      : Promise.resolve();
  }

  /**
   * Gets the matcher ready and the engine's code compiled by the time a page's text arrives:
   * in a fresh worker the first match of a page otherwise runs in V8's interpreter. One long
   * text was not enough: a page's many short blocks, with their quotes and symbols, still took
   * 12 to 26 ms to match after a restart instead of about 2. Called when the worker starts;
   * never throws.
   */
  async warm(): Promise<void> {
    await this.current().catch(() => undefined);
    this.warmEngine();
  }

  /**
   * Runs the engine over made-up blocks with a small matcher of its own, once. Done while the
   * stored matcher's bytes are read when there is one (see adopt), so that the 7 to 25 ms it
   * takes in a fresh worker do not come after the read.
   */
  private warmEngine(): void {
    if (this.engineWarm) return;
    this.engineWarm = true;
    try {
      const matcher = engine.load(engine.serialize(engine.compile(WARM_UP_ENTRIES)));
      for (let pass = 0; pass < WARM_UP_PASSES; pass++)
        for (const block of WARM_UP_BLOCKS) matcher.find(block);
    } catch {
      // Only the speed of the first match depends on it.
    }
  }

  /** The matcher for the current cards, loaded or rebuilt first if needed. */
  async current(): Promise<Matcher> {
    const [revision] = await Promise.all([readRevision(this.db), this.adopted]);
    if (this.matcher && revision === this.revision) return this.matcher;
    // A refresh for an older revision (cards changed while it ran) is not good enough; a
    // new one starts after it, since two compiles at once would only slow each other.
    if (this.pending?.revision === revision) return this.pending.matcher;
    const before = this.pending?.matcher.catch(() => undefined);
    const matcher = (async () => {
      await before;
      return this.refresh(revision);
    })();
    const pending = { revision, matcher };
    this.pending = pending;
    void matcher
      .finally(() => {
        if (this.pending === pending) this.pending = undefined;
      })
      .catch(() => undefined);
    return matcher;
  }

  private async adopt(stored: StoredMatcher | undefined): Promise<void> {
    if (!stored) return;
    const bytes = storedBytes(stored);
    this.warmEngine(); // While the bytes are read.
    const matcher = await this.loadStored(bytes);
    if (matcher && !this.matcher) {
      this.matcher = matcher;
      this.revision = stored.revision;
    }
  }

  /** The stored matcher loaded, or undefined when it cannot be. */
  private async loadStored(bytes: Promise<Uint8Array>): Promise<Matcher | undefined> {
    try {
      return this.codec.load(await bytes);
    } catch {
      return undefined; // Written by another engine version, or damaged: compile afresh.
    }
  }

  private async refresh(revision: number): Promise<Matcher> {
    const matcher = (await this.fromCache(revision)) ?? (await this.rebuild(revision));
    this.matcher = matcher;
    this.revision = revision;
    return matcher;
  }

  private async fromCache(revision: number): Promise<Matcher | undefined> {
    const stored = asStoredMatcher(await this.db.caches.get(MATCHER_CACHE_KEY));
    return stored?.revision === revision ? this.loadStored(storedBytes(stored)) : undefined;
  }

  private async rebuild(revision: number): Promise<Matcher> {
    const matcher = this.codec.compile(await termEntries(this.db));
    // Storing is for the next cold start; the answer to this request need not wait for it.
    void this.db.caches
      .put(matcherRecord(revision, this.codec.serialize(matcher)))
      .catch((error: unknown) => console.warn('Backstory: compiled matcher not cached', error));
    return matcher;
  }
}
