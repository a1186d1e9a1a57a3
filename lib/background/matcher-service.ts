import { cardTerms, readRevision } from '../db/cards';
import type { BackstoryDB } from '../db/schema';
import { compileMatcher, loadMatcher, type Matcher, serializeMatcher, type TermEntry } from '../match';

/** Key of the compiled matcher in the caches table. */
export const MATCHER_CACHE_KEY = 'matcher';

// Some 6,000 characters of ordinary prose with capitals, digits, dashes and possessives,
// enough iterations for V8 to optimise the folding and trie-walking loops.
const WARM_UP_TEXT =
  `On Tuesday the ministers met in the old town hall – 27 of them, with advisers – and argued
about ports, grain, gas prices and the river's spring floods. Nobody's plan won; the talks
go on next week in another city. ÉTÉ, naïve café, Straße.`.repeat(24);

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

  constructor(
    private readonly db: BackstoryDB,
    private readonly codec: MatcherCodec = engine,
  ) {}

  /**
   * Loads the matcher and runs it once over a made-up text, so the engine's loops are
   * compiled by the time a page's text arrives: in a fresh worker the first match of a page
   * otherwise runs in V8's interpreter. Called when the worker starts; never throws.
   */
  async warm(): Promise<void> {
    try {
      (await this.current()).find(WARM_UP_TEXT);
    } catch {
      // The request that needs the matcher will meet the same problem and report it.
    }
  }

  /** The matcher for the current cards, loaded or rebuilt first if needed. */
  async current(): Promise<Matcher> {
    const revision = await readRevision(this.db);
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

  private async refresh(revision: number): Promise<Matcher> {
    const matcher = (await this.fromCache(revision)) ?? (await this.rebuild(revision));
    this.matcher = matcher;
    this.revision = revision;
    return matcher;
  }

  private async fromCache(revision: number): Promise<Matcher | undefined> {
    const cached = await this.db.caches.get(MATCHER_CACHE_KEY);
    if (cached?.revision !== revision || !(cached.data instanceof Uint8Array)) return undefined;
    try {
      return this.codec.load(cached.data);
    } catch {
      return undefined; // Written by another engine version, or damaged: compile afresh.
    }
  }

  private async rebuild(revision: number): Promise<Matcher> {
    const entries: TermEntry[] = [];
    await this.db.cards.each((card) => {
      for (const term of cardTerms(card)) entries.push({ term, cardId: card.id });
    });
    const matcher = this.codec.compile(entries);
    // Storing is for the next cold start; the answer to this request need not wait for it.
    void this.db.caches
      .put({ key: MATCHER_CACHE_KEY, revision, data: this.codec.serialize(matcher) })
      .catch((error: unknown) => console.warn('Backstory: compiled matcher not cached', error));
    return matcher;
  }
}
