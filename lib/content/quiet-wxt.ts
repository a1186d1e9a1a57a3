/**
 * WXT's content-script context speaks to the page as each copy of the reading script
 * starts: it posts a message to the window and dispatches an event on the document, both
 * named after the extension's id, and its watch on the address dispatches an event on the
 * window at each change. The page's scripts receive all of them. A window's messages reach
 * every `message` listener, so any page (an analytics or fingerprinting script needs no
 * prior knowledge) could learn that Backstory is installed, and its id.
 *
 * entrypoints/early.ts calls `quietWxtEvents` at document_start, before any page script
 * has run, so its capture listeners on the window come first and stop these before the
 * page's own listeners. WXT's address event is handed to the reading script through the
 * content scripts' own global object (as escape-key.ts does for Escape), which page
 * scripts cannot reach.
 */

/** The early listeners' hold on what the reading script tells them, kept on the scripts' global. */
export interface QuietWxt {
  /** Called with WXT's event when the page's address changes (set by the reading script). */
  onLocationChange?: (event: Event) => void;
  /**
   * The id WXT gave this copy's announcement (its context's `id`), set by the reading script
   * before the posted message is dispatched. Only the message carrying it is stopped, once:
   * a page's own messages, even one imitating WXT's, reach the page as always, and while no
   * id is awaited, messages are not even looked at.
   */
  announcement?: string;
}

const QUIET_WXT = Symbol.for('backstory.quiet-wxt');

type Holder = { [QUIET_WXT]?: QuietWxt };

/** WXT's announcement of a new copy of the reading script. */
export const STARTED = 'wxt:content-script-started';
/** WXT's event for a new address. */
export const LOCATION_CHANGE = 'wxt:locationchange';

/**
 * The name WXT gives one of its events in the content script called `content`
 * (`getUniqueEventName` in wxt/utils/internal/custom-events). The early script has no
 * WXT context of its own to ask; the e2e test "tells the page's scripts nothing of
 * Backstory" fails if WXT names them otherwise.
 */
export function wxtEventName(extensionId: string, event: string): string {
  return `${extensionId}:content:${event}`;
}

/**
 * Adds the window's capture listeners that keep WXT's messages and events from the page,
 * and leaves their hold on `holder` (the content scripts' global object). `alive` tells
 * whether this copy still belongs to the extension: only then is WXT's announcement kept
 * from WXT's own listener, so a page cannot end the reading script by imitating it (see
 * entrypoints/content/index.ts). A second call in one frame does nothing.
 */
export function quietWxtEvents(
  win: Window,
  extensionId: string,
  alive: () => boolean,
  holder: object = globalThis,
): void {
  const slot = holder as Holder;
  if (slot[QUIET_WXT]) return;
  const quiet: QuietWxt = {};
  const started = wxtEventName(extensionId, STARTED);
  const options = { capture: true };
  win.addEventListener(
    'message',
    (event) => {
      // Frames' messages are not WXT's: their data is not looked at.
      if (quiet.announcement === undefined || event.source !== win) return;
      const data = event.data as { type?: unknown; messageId?: unknown } | null;
      if (typeof data !== 'object' || data === null) return;
      if (data.type !== started || data.messageId !== quiet.announcement) return;
      event.stopImmediatePropagation();
      quiet.announcement = undefined;
    },
    options,
  );
  // Dispatched on the document, it passes the window first on its way down. An imitation is
  // stopped too: in Firefox its detail would reach WXT's check. (A page that knows the id can
  // tell from that that Backstory is there, as any page can from the manifest's highlight
  // style: docs/card.md, "What a page can learn".)
  win.addEventListener(
    started,
    (event) => {
      if (alive()) event.stopImmediatePropagation();
    },
    options,
  );
  win.addEventListener(
    wxtEventName(extensionId, LOCATION_CHANGE),
    (event) => {
      // Only WXT's own event carries the new address in this world; a page's imitation goes
      // on to the page's listeners, and is nothing to us.
      if (!('newUrl' in event)) return;
      event.stopImmediatePropagation();
      quiet.onLocationChange?.(event);
    },
    options,
  );
  Object.defineProperty(slot, QUIET_WXT, { value: quiet });
}

/** The early listeners' hold, when the document_start script ran in this frame. */
export function quietWxt(holder: object = globalThis): QuietWxt | undefined {
  return (holder as Holder)[QUIET_WXT];
}
