import { liveQuery } from 'dexie';
import { readRevision } from '../db/cards';
import type { StoredCard } from '../db/records';
import type { BackstoryDB } from '../db/schema';
import { type CatalogEntry, toCatalogEntry } from './catalog';
import {
  buildCatalog,
  type CatalogSnapshot,
  readCachedCatalog,
  readFirstPage,
  storeCatalog,
} from './catalog-cache';
import { defaultScreenStore, readFirstScreen, type ScreenStore } from './first-screen';
import { byEditOrder } from './order';
import { SearchIndex } from './search-index';
import { nextPaint } from './timing';

/** What the manager can list and search right now. */
export interface CatalogState {
  /** In edit order (most recently modified first); a kept first screen is in list order. */
  entries: readonly CatalogEntry[];
  /** The card revision the entries reflect. */
  revision: number;
  /** False while only the first page is known and the whole catalog is being built. */
  complete: boolean;
  /** The search index over `entries`: read from storage, or built on first use. */
  index(): SearchIndex;
  /** The entries by card id, built on first use. */
  byId(): ReadonlyMap<string, CatalogEntry>;
}

/** A card write made by this page, reported so the catalog follows without a full read. */
export interface OwnWrite {
  revision: number;
  put?: StoredCard;
  removed?: string;
}

/** Timing knobs; tests shorten them. */
export interface LiveCatalogOptions {
  firstPage?: number;
  /** How long a revision seen from outside waits for this page's own write to report. */
  settleMs?: number;
  /** Delay before the patched catalog is stored for the next opening (coalesces bursts). */
  storeMs?: number;
  /** Resolves once the first screen has had a chance to paint. */
  afterPaint?: () => Promise<void>;
  /** Where the first screen was kept (see first-screen.ts); localStorage in pages. */
  screenStore?: ScreenStore;
}

/** A value computed at most once, on first use. */
function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}

/**
 * The card catalog of the manager, kept live: it opens from the stored catalog when that
 * is fresh (fast), else shows the first page and builds the whole catalog. It follows the
 * card revision with `liveQuery`: this page's own writes patch it in place, a change made
 * elsewhere (another window, a seed update) rebuilds it.
 */
export class LiveCatalog {
  private state: CatalogState | undefined;
  private revision = -1;
  private readonly listeners = new Set<(state: CatalogState) => void>();
  private rebuilding: Promise<void> | undefined;
  private rebuildAgain = false;
  private storeTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly options: Required<Omit<LiveCatalogOptions, 'screenStore'>>;

  constructor(
    private readonly db: BackstoryDB,
    options: LiveCatalogOptions = {},
  ) {
    this.options = { firstPage: 60, settleMs: 50, storeMs: 300, afterPaint: nextPaint, ...options };
    // Synchronous, so the very first render already has rows to show.
    const screen = readFirstScreen(
      'screenStore' in options ? options.screenStore : defaultScreenStore(),
      db.name,
    );
    if (screen) this.setState(screen, false);
  }

  /** The current state; undefined until the first read answers. */
  get current(): CatalogState | undefined {
    return this.state;
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: (state: CatalogState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Loads the catalog and follows the cards until `signal` aborts. The first screen comes
   * from a small read; the whole catalog follows after that has painted: from storage when
   * it is fresh, else built from the cards.
   */
  async start(signal: AbortSignal): Promise<void> {
    if (!this.state) {
      const page = await readFirstPage(this.db, this.options.firstPage);
      if (signal.aborted) return;
      this.publish(page, false);
    }
    await this.options.afterPaint();
    const cached = await readCachedCatalog(this.db);
    if (signal.aborted) return;
    if (cached && !this.state?.complete) this.publish(cached, true);
    else if (!this.state?.complete) {
      // A kept first screen may be out of date: show the cards as they are while building.
      const page = await readFirstPage(this.db, this.options.firstPage);
      if (signal.aborted) return;
      if (page.revision !== this.revision) this.publish(page, false);
      void this.rebuild();
    }
    const subscription = liveQuery(() => readRevision(this.db)).subscribe({
      next: (revision) => this.onRevision(revision),
      error: (error: unknown) => console.error('Backstory: card revision query failed', error),
    });
    signal.addEventListener('abort', () => {
      subscription.unsubscribe();
      clearTimeout(this.storeTimer);
    });
  }

  /** Follows a write this page made: patched in place when nothing else changed meanwhile. */
  applyOwn(write: OwnWrite): void {
    if (!this.state?.complete || write.revision !== this.revision + 1) {
      void this.rebuild();
      return;
    }
    const id = write.put?.id ?? write.removed;
    const entries = this.state.entries.filter((entry) => entry.id !== id);
    if (write.put) {
      const entry = toCatalogEntry(write.put);
      const at = entries.findIndex((other) => byEditOrder(entry, other) <= 0);
      entries.splice(at === -1 ? entries.length : at, 0, entry);
    }
    this.publish({ revision: write.revision, entries }, true);
    this.scheduleStore();
  }

  private onRevision(revision: number): void {
    if (revision === this.revision) return;
    // Our own write's revision may arrive before `applyOwn` does; give it a moment.
    setTimeout(() => {
      if (revision > this.revision) void this.rebuild();
    }, this.options.settleMs);
  }

  private rebuild(): Promise<void> {
    if (this.rebuilding) {
      this.rebuildAgain = true;
      return this.rebuilding;
    }
    this.rebuilding = (async () => {
      do {
        this.rebuildAgain = false;
        const built = await buildCatalog(this.db);
        // An own write patched in while this read ran: its result is older, read again.
        if (built.revision < this.revision) {
          this.rebuildAgain = true;
          continue;
        }
        this.publish(built, true);
        await this.store();
      } while (this.rebuildAgain);
    })()
      .catch((error: unknown) => console.error('Backstory: card catalog not built', error))
      .finally(() => {
        this.rebuilding = undefined;
      });
    return this.rebuilding;
  }

  /**
   * Stores the catalog and its index for the next opening, a moment after the last own
   * write (a delete and its undo are stored once). Building the index is the slow part (a
   * few hundred ms for 10,000 cards on a slow machine); a search meanwhile builds it once.
   */
  private scheduleStore(): void {
    clearTimeout(this.storeTimer);
    this.storeTimer = setTimeout(() => void this.store(), this.options.storeMs);
  }

  /** Stores the current catalog now (after a rebuild: a popup may close at any moment). */
  private async store(): Promise<void> {
    const { state, revision } = this;
    if (!state?.complete) return;
    await storeCatalog(this.db, { revision, entries: state.entries }, state.index().pack()).catch(
      (error: unknown) => console.error('Backstory: card catalog not stored', error),
    );
  }

  private publish(snapshot: CatalogSnapshot, complete: boolean): void {
    const state = this.setState(snapshot, complete);
    for (const listener of this.listeners) listener(state);
  }

  private setState(snapshot: CatalogSnapshot, complete: boolean): CatalogState {
    const { entries, revision } = snapshot;
    this.revision = revision;
    this.state = {
      entries,
      revision,
      complete,
      index: lazy(() => new SearchIndex(entries, snapshot.index)),
      byId: lazy(() => new Map(entries.map((entry) => [entry.id, entry]))),
    };
    return this.state;
  }
}
