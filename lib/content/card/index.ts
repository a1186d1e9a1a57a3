import type { Send } from '../../protocol/client';
import { keepMentionsPainted, measureRange } from '../highlights';
import type { MentionStore } from '../mention-store';
import { createActiveHighlight } from './active-highlight';
import type { CardRenderer } from './card-renderer';
import { CardSession } from './card-session';
import { earlyEscape, listenForEscape } from './escape-key';
import { mentionAtPoint } from './hit-test';
import { createCardHost } from './host';
import { GRACE_MS, HoverIntent } from './hover-intent';
import { MentionIndex } from './mention-index';
import { type MentionPlace, MentionVisibility } from './mention-visibility';
import { type MentionBox, pickMention } from './navigation';
import { listenToPointer, type PointerInput } from './pointer-input';
import { scrollRangeIntoView } from './scroll-into-view';

/** What the open card says when keyboard navigation reaches an end of the page's mentions. */
export const END_OF_MENTIONS = {
  next: 'This is the last marked term on the page.',
  previous: 'This is the first marked term on the page.',
} as const;

/** What the rest of the content script can ask of the card. */
export interface CardController {
  /** Scrolls to the card's first mention and opens the card with focus in it; false when not on the page. */
  reveal(cardId: string): boolean;
  /** Moves to the next or previous mention and opens its card with focus in it; false at the ends. */
  navigate(direction: 'next' | 'previous'): Promise<boolean>;
}

/** What the feature needs besides the page: the card's UI, and optional hooks. */
export interface CardFeatureOptions {
  /** The card's UI: `cardRenderer` from components/card/preact-card-renderer.tsx. */
  renderer: CardRenderer;
  /** Called after "Don't mark on this site" was saved, so the page can rescan and repaint. */
  onHidden?: (cardId: string) => void;
  /** Sends protocol messages; tests pass their own. */
  send?: Send;
}

/**
 * Starts the background card on a page: hover, touch and keyboard open it, Escape closes
 * it. Listeners are added only once there are mentions, and everything (listeners,
 * timers, the host element, the active highlight) goes when `signal` aborts.
 */
export function startCardFeature(
  signal: AbortSignal,
  store: MentionStore,
  doc: Document = document,
  options: CardFeatureOptions,
): CardController {
  const win = doc.defaultView as Window;
  const host = createCardHost(doc, signal, options.renderer.css);
  const session = new CardSession({
    doc,
    store,
    host,
    active: createActiveHighlight(signal),
    ...options,
  });
  let index = new MentionIndex(store.mentions);
  const hover = new HoverIntent({
    delayMs: () => store.preferences.hoverDelayMs,
    graceMs: GRACE_MS,
    openIndex: () => session.openIndex,
    mayReplace: () => session.mayReplace(),
    mayHide: () => session.mayHide(),
    open: (i, point) => session.open(i, { origin: 'hover', point }),
    close: () => session.close(),
  });
  const hitTest = (x: number, y: number) => {
    keepMentionsPainted();
    const found = mentionAtPoint(doc, index, x, y);
    return found !== undefined && session.cards.ofMention(found).length > 0 ? found : undefined;
  };

  let pointer: PointerInput | undefined;
  /** Escapes pressed so far: a keyboard step that sees one come stops. */
  let escapes = 0;
  const listen = () => {
    if (pointer || store.mentions.length === 0) return;
    pointer = listenToPointer({
      doc,
      signal,
      hover,
      isActive: () => store.mentions.length > 0 || session.isOpen,
      isHost: host.isHost,
      cardOpen: () => session.isOpen,
      hitTest,
      modifier: () => store.preferences.modifier,
      onTap: (i) => {
        hover.cancel();
        session.open(i, { origin: 'tap' });
      },
      onPressOutside: () => !session.pinned && session.close(),
    });
    const dismiss = () => {
      // A keyboard step still looking opens nothing now: the reader said no.
      escapes += 1;
      const open = session.openIndex;
      if (!session.close({ restoreFocus: true })) return hover.dismissPending();
      hover.suppress(open);
      return true;
    };
    // The early listener watches this script's own window; a document passed in (tests)
    // gets a listener of its own.
    const early = doc === globalThis.document ? earlyEscape() : undefined;
    listenForEscape(doc, signal, dismiss, host.isHost, early);
  };

  let numbered = store.mentions;
  store.subscribe(() => {
    const before = numbered;
    numbered = store.mentions;
    index = new MentionIndex(store.mentions);
    // A mention the rescan kept has the same range object at its new number.
    hover.renumber((old) => {
      const range = before[old]?.range;
      return range === undefined ? undefined : index.indexOfRange(range);
    });
    hover.cancel();
    session.refresh();
    listen();
    pointer?.reevaluate();
  }, signal);
  listen();
  signal.addEventListener(
    'abort',
    () => {
      hover.cancel();
      session.close();
    },
    { once: true },
  );

  const boxOf = (i: number): MentionBox => {
    const painted = store.mentions[i]?.range;
    if (!painted || session.cards.ofMention(i).length === 0) return undefined;
    return measureRange(painted, (live): MentionBox => {
      if (live.getClientRects().length === 0) return undefined;
      const { top, bottom } = live.getBoundingClientRect();
      return { top, bottom };
    });
  };
  /** Where the reader sees mention `i`, as one walk finds the page (see MentionVisibility). */
  const placer = () => {
    const visibility = new MentionVisibility(win);
    return (i: number): MentionPlace => {
      const painted = store.mentions[i]?.range;
      return (painted && measureRange(painted, (live) => visibility.placeOf(live))) ?? 'hidden';
    };
  };
  const inViewport = (i: number | undefined) => {
    const box = i === undefined ? undefined : boxOf(i);
    return box !== undefined && box.bottom > 0 && box.top < win.innerHeight ? i : undefined;
  };
  // Only a mention the reader can see: the card of a clipped or off-page one would be
  // hidden by Floating UI the moment it took focus, and focus would fall to <body>.
  const showWithFocus = (i: number, place: MentionPlace, cardId?: string) => {
    const painted = store.mentions[i]?.range;
    if (!painted || place === 'hidden') return false;
    hover.cancel();
    const scrolled = measureRange(painted, (live) => {
      scrollRangeIntoView(live, win, { fixed: place === 'fixed', isHost: host.isHost });
      return true;
    });
    if (!scrolled) return false;
    return session.open(i, { origin: 'keyboard', focus: true, cardId });
  };

  let walking: Promise<boolean> = Promise.resolve(false);

  return {
    reveal(cardId) {
      const placeOf = placer();
      const i = store.mentions.findIndex(
        (_, k) => session.cards.ofMention(k).includes(cardId) && boxOf(k) && placeOf(k) !== 'hidden',
      );
      return i >= 0 && showWithFocus(i, placeOf(i), cardId);
    },
    navigate(direction) {
      // One step at a time: a second press during a long step goes on from where the first
      // one lands, not from where it started.
      const run = walking.then(() => !signal.aborted && walk(direction));
      walking = run.catch(() => false);
      return run;
    },
  };

  async function walk(direction: 'next' | 'previous'): Promise<boolean> {
    // Relative to the open card; else to the last one shown if the reader is still there.
    const current = session.openIndex ?? inViewport(session.lastIndex);
    const mentions = store.mentions;
    const step = direction === 'next' ? 1 : -1;
    let placeOf = placer();
    let resume: { at?: number } = {};
    // From the start, or on from `at` where the last look ran out of its budget.
    const look = (at?: number) => {
      // Styles read before a yield may be stale after it.
      if (at !== undefined) placeOf = placer();
      resume = {};
      const from = at !== undefined && current !== undefined ? at - step : current;
      const start = current === undefined ? at : undefined;
      return pickMention(
        direction,
        mentions.length,
        boxOf,
        win.innerHeight,
        from,
        placeOf,
        undefined,
        resume,
        start,
      );
    };
    // 1 ms, not 0: Chromium runs a zero-delay timer ahead of the page's own timers that
    // fell due while the walk ran, so the page would wait out two budgets in a row.
    // False when a rescan in between renumbered the mentions: this walk's places mean
    // nothing now.
    // False too once the feature stopped (Backstory turned off or updated), or the reader
    // pressed Escape meanwhile: nothing opens.
    const escapesBefore = escapes;
    const pause = async () => {
      await new Promise((done) => setTimeout(done, 1));
      return store.mentions === mentions && !signal.aborted && escapes === escapesBefore;
    };
    let i = look();
    let paused = false;
    // A long run of hidden mentions (a closed menu of thousands) is looked through a
    // budget at a time, each in its own task, so the page is never held for long.
    while (i === undefined && resume.at !== undefined) {
      const at = resume.at;
      paused = true;
      if (!(await pause())) return false;
      i = look(at);
    }
    // After a budget, the card opens in a task of its own too (it lays out the page).
    if (i !== undefined && paused) {
      if (!(await pause())) return false;
      placeOf = placer();
    }
    if (i !== undefined) return showWithFocus(i, placeOf(i));
    // No wrapping: the open card says the reader has reached an end.
    session.tell(direction === 'next' ? END_OF_MENTIONS.next : END_OF_MENTIONS.previous);
    return false;
  }
}
