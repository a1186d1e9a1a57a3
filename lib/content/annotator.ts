import type { BlockMention, ScanResult } from '../protocol/messages';
import { samePreferences } from '../protocol/preferences';
import { firstPerCard } from './density';
import { dirtyRoots, outermost, takesReadTextOut } from './dirty-roots';
import { FirstReadOrder, type Located } from './first-read-order';
import { HiddenCards } from './hidden-cards';
import { clearMentions, mentionRange, paintMentions } from './highlights';
import { isHtmlDocument } from './html-document';
import { LateShadows } from './late-shadows';
import { keepWithinCap, MENTIONS_PER_PAGE } from './mention-cap';
import type { MentionStore, PaintedMention } from './mention-store';
import { extensionBackground, type PageBackground } from './page-background';
import { insideAny, mergeByDocument, stillFits } from './range-order';
import { ANSWERED_MARK, decideTimeline, noteMark, PAINTED_MARK, timed } from './task-timing';
import { BlockReader, type TextBlock } from './text-blocks';
import { visibleFirst } from './visible-first';
import { filterInSlices, SLICE_MS, yieldToMain } from './yield';

/** Delay between a page change and reading it: batches bursts, well inside one second. */
export const SETTLE_MS = 250;

/**
 * Keeps a page's mentions painted: a first scan (visible blocks first, in slices), then
 * incremental rescans of the blocks that mutations touched. Nothing is added to the DOM;
 * everything stops and is cleared when `signal` aborts or the site is switched off.
 */
export class Annotator {
  private mentions: PaintedMention[] = [];
  /** By card id, with no prototype: a card may be called "constructor". */
  private cards: ScanResult['cards'] = Object.create(null);
  /** The cards the latest scan asked for by id and was told are gone (see ScanResult.gone). */
  private gone: ReadonlySet<string> = new Set();
  private result: ScanResult | undefined;
  private readonly observer: MutationObserver;
  /** Elements read without a shadow root that may still get one (see late-shadows.ts). */
  private readonly late: LateShadows;
  private dirty = new Set<Node>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  /** The full read queued and not started yet, which a new refresh joins. */
  private waiting: Promise<number> | undefined;
  /** True during the first full scan, whose slices are recorded for benchmarks. */
  private recording = true;
  /** True once the page may be read; false while the site is off or Backstory paused. */
  private enabled = false;
  /** Full reads started so far (see `hideCard`). */
  private fullReads = 0;
  private readonly hidden = new HiddenCards();
  /** Watches a page that has no body for one to come (see `awaitBody`). */
  private bodyWatch: MutationObserver | undefined;

  constructor(
    private readonly signal: AbortSignal,
    private readonly store: MentionStore,
    private readonly doc: Document = document,
    private readonly background: PageBackground = extensionBackground,
    /** Mentions the page keeps at most (see MENTIONS_PER_PAGE); tests pass a small one. */
    private readonly cap = MENTIONS_PER_PAGE,
  ) {
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.late = new LateShadows(signal, (roots) => this.onLateShadows(roots));
    signal.addEventListener('abort', () => this.stop(), { once: true });
  }

  /** How many elements are watched for a shadow root that comes late (for tests). */
  get lateHosts(): number {
    return this.late.size;
  }

  /**
   * Reads the whole page again and repaints; resolves with the number of mentions. Calls made
   * while a read waits its turn share that read: it starts after them, so it sees what they
   * saw, and a burst of calls (a page firing events at us) costs one read, not one each.
   */
  refresh(): Promise<number> {
    if (this.waiting) return this.waiting;
    const run = this.queue.then(() => {
      this.waiting = undefined;
      return this.scanAll();
    });
    this.waiting = run;
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * The background has stored that `cardId` is not to be marked on this site: its mentions
   * come off now, and an answer to a scan sent before the choice does not paint them again.
   * The caller reads the page again (`refresh`) to have the background's own answer.
   */
  hideCard(cardId: string): void {
    this.hidden.hide(cardId, this.fullReads);
    if (this.enabled && !this.signal.aborted) this.publish(this.mentions);
  }

  /**
   * An HTML page with no body yet (its script took it away, or builds the page itself): it is
   * read once a body is there. Until then one watch on the document, whose only work at each
   * change is to ask for the body.
   */
  private awaitBody(): void {
    if (this.bodyWatch || this.doc.body || !isHtmlDocument(this.doc)) return;
    if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    const watch = new MutationObserver(() => {
      if (!this.doc.body) return;
      watch.disconnect();
      this.bodyWatch = undefined;
      void this.refresh().catch(() => 0);
    });
    watch.observe(this.doc, { childList: true, subtree: true });
    this.bodyWatch = watch;
    this.signal.addEventListener('abort', () => watch.disconnect(), { once: true });
  }

  /** HTML pages only, in a browser with the Custom Highlight API. */
  private get supported(): boolean {
    return (
      isHtmlDocument(this.doc) && Boolean(this.doc.body) && typeof CSS !== 'undefined' && 'highlights' in CSS
    );
  }

  private async scanAll(): Promise<number> {
    if (this.signal.aborted) return 0;
    if (!this.supported) {
      this.awaitBody();
      return 0;
    }
    const read = ++this.fullReads;
    // Observe before reading, so a change made while the page is read is not missed.
    this.observe();
    // Asked before anything is read: a switched-off site's text is never collected or sent.
    // (Asked while reading instead, the worker's answer competed with the read for the CPU.)
    const asked = this.background.state(this.doc.location.href);
    void asked
      .then((answer) => {
        decideTimeline(answer.timeline === true);
        if (this.recording) noteMark(ANSWERED_MARK);
      })
      .catch(() => undefined);
    const { enabled, preferences } = await asked;
    if (!enabled || this.signal.aborted) return this.disable(preferences);
    this.enabled = true;
    // Read in a task of our own, not in the one that evaluated the content script.
    await yieldToMain();
    // The whole page is read again, and with it every component still without a shadow root.
    this.late.clear();
    const { blocks, inShadows } = await this.readBlocks([this.doc.body as Node]);
    const order = new FirstReadOrder(inShadows, this.cap);
    this.cards = Object.create(null);
    for (const group of timed(this.recording, 'visible-first', () => visibleFirst(blocks))) {
      if (group.length === 0) continue;
      const added = await this.scanBlocks(
        group.map((i) => blocks[i] as TextBlock),
        group,
      );
      if (!added) return this.disable();
      const ordered = order.add(added);
      timed(this.recording, 'publish', () => this.publish(ordered, read));
      // Up to the page's cap: the rest of the page is not sent.
      if (order.full) break;
    }
    if (order.mentions.length === 0) this.publish([], read);
    this.hidden.settle(read);
    if (this.recording) noteMark(PAINTED_MARK);
    this.recording = false;
    return this.mentions.length;
  }

  /**
   * Reads the roots' text blocks, in slices; `inShadows` says whether any came from a shadow
   * root (read after the rest of its root, so block order is then not page order). The slice's
   * deadline holds across roots: a burst of thousands of small changed roots is read in
   * several tasks, not one.
   */
  private async readBlocks(roots: Node[]): Promise<{ blocks: TextBlock[]; inShadows: boolean }> {
    const blocks: TextBlock[] = [];
    let inShadows = false;
    let deadline = performance.now() + SLICE_MS;
    for (const root of roots) {
      if (performance.now() > deadline) {
        await yieldToMain();
        deadline = performance.now() + SLICE_MS;
      }
      const reader = new BlockReader(root);
      while (!timed(this.recording, 'read', () => reader.read(deadline))) {
        await yieldToMain();
        deadline = performance.now() + SLICE_MS;
      }
      timed(this.recording, 'read', () => {
        blocks.push(...reader.blocks);
        if (reader.shadowRoots.length > 0) inShadows = true;
        // Text in a component can change too; its mentions are painted like any other.
        if (this.enabled && !this.signal.aborted) {
          for (const shadow of reader.shadowRoots) this.observe(shadow);
          // A component this read found with its root needs no look; one found without, does.
          this.late.forget(reader.shadowRoots.map((shadow) => shadow.host));
          this.late.add(reader.shadowless);
        }
      });
    }
    return { blocks, inShadows };
  }

  /**
   * Scans blocks with the background; undefined when Backstory is off for this page.
   * `indices` are the blocks' places in the page's reading order (default: as given).
   */
  private async scanBlocks(blocks: TextBlock[], indices?: number[]): Promise<Located[] | undefined> {
    // Sending copies the text into the message there and then: main-thread work of ours too.
    const result = await timed(this.recording, 'send', () =>
      this.background.scan(
        this.doc.location.href,
        blocks.map((b) => b.text),
        this.store.shown,
      ),
    );
    this.result = result;
    if (!result.enabled || this.signal.aborted) return undefined;
    return timed(this.recording, 'ranges', () => {
      Object.assign(this.cards, result.cards);
      this.gone = new Set(result.gone);
      return result.mentions.flatMap((found: BlockMention) => {
        const range = mentionRange(blocks, found);
        if (!range) return [];
        return [
          {
            mention: { range, cardIds: found.cardIds },
            block: indices?.[found.block] ?? found.block,
            start: found.start,
          },
        ];
      });
    });
  }

  /** Paints `mentions`, less the cards hidden meanwhile (see `hideCard`), and tells the store. */
  private publish(all: PaintedMention[], read?: number): void {
    const hadMentions = this.mentions.length > 0;
    const mentions = this.hidden.filter(all, read);
    this.mentions = mentions;
    const preferences = this.result?.preferences;
    // A page with nothing to mark gets no highlight. (The style comes with the manifest.)
    if (mentions.length > 0)
      paintMentions(preferences?.density === 'first' ? firstPerCard(mentions) : mentions.map((m) => m.range));
    else if (hadMentions) paintMentions([]);
    if (preferences) this.store.set(mentions, this.cards, preferences, this.gone);
  }

  /**
   * Watches the page, or one of its open shadow roots, which a watch on the page does not see
   * into. The document itself, not its root element, so that a page that replaces its
   * `<html>` is still watched. Of the attributes, only `contenteditable`: text that becomes
   * editable is the reader's, and loses its mentions.
   */
  private observe(root: Node = this.doc): void {
    this.observer.observe(root, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['contenteditable'],
    });
  }

  private onMutations(records: MutationRecord[]): void {
    for (const root of dirtyRoots(records)) this.dirty.add(root);
    // Text taken out needs no reading, but its mentions are looked over (rescanDirty).
    if (this.dirty.size === 0 && !takesReadTextOut(records)) return;
    this.schedule();
  }

  /** A component got its shadow root after it was read: the root is read like changed text. */
  private onLateShadows(roots: ShadowRoot[]): void {
    if (!this.enabled || this.signal.aborted) return;
    for (const root of roots) {
      this.observe(root);
      this.dirty.add(root);
    }
    this.schedule();
  }

  /** Reads the dirty parts of the page once changes have settled. */
  private schedule(): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.queue = this.queue.then(() => this.rescanDirty()).catch(() => undefined);
    }, SETTLE_MS);
  }

  /** Drops mentions whose text went away or changed, and reads the changed blocks again. */
  private async rescanDirty(): Promise<void> {
    // A change seen just before the site was switched off is not read: its text stays here.
    if (this.signal.aborted || !this.enabled) return;
    const dirty = outermost(this.dirty);
    this.dirty.clear();
    const kept = await filterInSlices(
      this.mentions,
      (m) => stillFits(m.range) && !insideAny(m.range.startContainer, dirty),
    );
    // The page ran while the mentions were checked: a root it took out is not read.
    if (this.signal.aborted || !this.enabled) return;
    const roots = [...outermost(dirty)];
    const { blocks } = roots.length > 0 ? await this.readBlocks(roots) : { blocks: [] };
    const added = blocks.length > 0 ? await this.scanBlocks(blocks) : [];
    if (!added) {
      this.disable();
      return;
    }
    // A ticking clock or a live counter: its text was read again and nothing else changed,
    // so the highlight is not rebuilt.
    const preferences = this.result?.preferences;
    const unchanged = !preferences || samePreferences(preferences, this.store.preferences);
    // The page ran while its text was read and matched: text it took out meanwhile has no
    // place in the page's order, and a merge that met it would misplace the rest.
    const stay = kept.filter((m) => stillFits(m.range));
    const fresh = added.map((f) => f.mention).filter((m) => stillFits(m.range));
    if (fresh.length === 0 && stay.length === this.mentions.length && unchanged) return;
    // What was kept is in page order already: only the new mentions need their places found.
    this.publish(keepWithinCap(mergeByDocument(stay, fresh), new Set(fresh), this.cap));
  }

  private disable(preferences = this.result?.preferences): number {
    this.enabled = false;
    this.observer.disconnect();
    this.late.clear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.dirty.clear();
    this.mentions = [];
    clearMentions();
    // Every open card goes too, pinned or holding focus: Backstory is off here now.
    if (preferences) this.store.set([], Object.create(null), preferences, new Set(this.store.shown));
    return 0;
  }

  private stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.observer.disconnect();
    clearMentions();
  }
}
