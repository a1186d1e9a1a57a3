/**
 * Escape closes the open card wherever focus is, without moving the pointer (WCAG 1.4.13
 * "dismissible"). `close` returns false when no card was open, and the key is left alone.
 * When focus was in the card, the page does not also see the key: it was meant for us.
 *
 * A page may stop every Escape in a capture listener of its own on `window` (modal and
 * shortcut libraries do). Listeners on one target run in the order they were added, so the
 * one that decides is the one added first: entrypoints/early.ts adds ours at
 * document_start, before any page script runs, and the card hands it its handler later
 * through the content scripts' own global object, which page scripts cannot reach.
 */

/** The document_start listener's hold on the card's handler, kept on the scripts' global. */
export interface EarlyEscape {
  handle?: (event: KeyboardEvent) => void;
}

const EARLY_ESCAPE = Symbol.for('backstory.early-escape');

type Holder = { [EARLY_ESCAPE]?: EarlyEscape };

/**
 * Adds the window's key listener before the page's own and leaves its hold on `holder`
 * (the content scripts' global object; Chromium and Firefox give all of an extension's
 * content scripts in a frame one). It does nothing until the card sets a handler.
 */
export function listenEarlyForEscape(win: Window, holder: object = globalThis): void {
  const slot = holder as Holder;
  if (slot[EARLY_ESCAPE]) return;
  const early: EarlyEscape = {};
  win.addEventListener('keydown', (event) => early.handle?.(event), { capture: true });
  Object.defineProperty(slot, EARLY_ESCAPE, { value: early });
}

/** The document_start listener's hold, when that script ran in this frame. */
export function earlyEscape(holder: object = globalThis): EarlyEscape | undefined {
  return (holder as Holder)[EARLY_ESCAPE];
}

/**
 * Closes the card at the reader's Escape, through the early listener's hold when there is
 * one, until `signal` aborts.
 */
export function listenForEscape(
  doc: Document,
  signal: AbortSignal,
  close: () => boolean,
  isHost: (target: EventTarget | null) => boolean,
  early?: EarlyEscape,
): void {
  const onKey = (event: KeyboardEvent) => {
    // The reader's own key only: a page's script cannot close a pinned card with a made-up one.
    if (!event.isTrusted || event.key !== 'Escape' || event.isComposing) return;
    const fromCard = isHost(event.target);
    // Immediate: the page's own listeners on the window come after ours.
    if (close() && fromCard) event.stopImmediatePropagation();
  };
  if (!early) {
    // No early listener here (the page was open before Backstory came, or in tests): ours
    // comes after whatever the page added first.
    doc.defaultView?.addEventListener('keydown', onKey, { capture: true, signal });
    return;
  }
  early.handle = onKey;
  signal.addEventListener(
    'abort',
    () => {
      if (early.handle === onKey) early.handle = undefined;
    },
    { once: true },
  );
}
