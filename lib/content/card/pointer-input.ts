import type { Preferences } from '../../protocol/preferences';
import type { HoverIntent, PointerTarget } from './hover-intent';

/** What the pointer listeners need from the card feature. */
export interface PointerInputDeps {
  doc: Document;
  signal: AbortSignal;
  hover: HoverIntent;
  /** False while there is nothing to do (no mentions, no card): listeners return at once. */
  isActive(): boolean;
  isHost(target: EventTarget | null): boolean;
  /** True while a card is open: the pointer can only be over the card then. */
  cardOpen(): boolean;
  hitTest(x: number, y: number): number | undefined;
  modifier(): Preferences['modifier'];
  /** A touch or pen tap on a mention that is not inside a link or a control. */
  onTap(index: number): void;
  /** A press on neither a mention nor the card. */
  onPressOutside(): void;
}

/** A handle on the pointer listeners. */
export interface PointerInput {
  /**
   * Hit-tests the resting pointer again on the next frame: the mentions changed under it
   * (a rescan). The time it arrived is kept, so a pending card's delay is not restarted.
   */
  reevaluate(): void;
}

type Keys = Pick<PointerEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey'>;

interface LastPointer {
  x: number;
  y: number;
  time: number;
  overCard: boolean;
  keys: Keys;
  /** A button is held since a press outside the card: the reader is selecting text, not pointing. */
  selecting: boolean;
}

const MODIFIER_KEYS = new Set(['Alt', 'Shift', 'Control', 'Meta']);
// Tapping text inside these does something already; the card must not fight it.
const INTERACTIVE =
  'a[href], button, input, select, textarea, label, summary, [contenteditable], [role="button"], [role="link"]';
const TAP_SLOP_PX = 10;
const TAP_MAX_MS = 700;

function armed(keys: Keys, modifier: Preferences['modifier']): boolean {
  if (modifier === 'none') return true;
  return { alt: keys.altKey, shift: keys.shiftKey, ctrl: keys.ctrlKey, meta: keys.metaKey }[modifier];
}

/**
 * Feeds pointer input to the hover logic and turns taps into opens. Hit-testing runs at
 * most once per animation frame, on the latest pointer position, and again when the page
 * scrolls under a resting pointer or a modifier key changes. Touch pointers never hover:
 * a tap opens the card, a press elsewhere closes it.
 */
export function listenToPointer(deps: PointerInputDeps): PointerInput {
  const { doc, signal, hover } = deps;
  const win = doc.defaultView as Window;
  const options = { capture: true, passive: true, signal };
  let last: LastPointer | undefined;
  let frame: number | undefined;
  let press: { id: number; x: number; y: number; time: number } | undefined;
  /** Where a press outside the card began, while its button is held. */
  let pressedOutsideCard: { x: number; y: number } | undefined;

  const evaluate = () => {
    frame = undefined;
    if (!last || !deps.isActive()) return;
    // The card may have gone from under a resting pointer (a rescan closed it): what is
    // under the pointer now is the page, and a mention there opens its card.
    if (last.overCard && !deps.cardOpen()) last = { ...last, overCard: false };
    const { x, y } = last;
    const index = last.overCard || last.selecting ? undefined : deps.hitTest(x, y);
    // While text is being selected nothing opens, and a card open before closes: it would
    // cover the text, and a drag over it would carry the selection to the page's end.
    const target: PointerTarget = last.selecting
      ? { kind: 'none' }
      : last.overCard
        ? { kind: 'card' }
        : index === undefined
          ? { kind: 'none' }
          : { kind: 'mention', index, point: { x, y } };
    hover.update(target, armed(last.keys, deps.modifier()), win.performance.now() - last.time);
  };
  const schedule = () => {
    frame ??= win.requestAnimationFrame(evaluate);
  };
  signal.addEventListener('abort', () => frame !== undefined && win.cancelAnimationFrame(frame), {
    once: true,
  });

  doc.addEventListener(
    'pointermove',
    (event) => {
      // Only the reader's own pointer: a page's script cannot open cards with made-up events.
      if (!event.isTrusted || event.pointerType === 'touch' || !deps.isActive()) return;
      last = {
        x: event.clientX,
        y: event.clientY,
        time: event.timeStamp,
        overCard: deps.isHost(event.target),
        keys: event,
        // A drag, not the wobble of a click: a click on a mention leaves its card open.
        selecting:
          pressedOutsideCard !== undefined &&
          event.buttons !== 0 &&
          Math.hypot(event.clientX - pressedOutsideCard.x, event.clientY - pressedOutsideCard.y) >
            TAP_SLOP_PX,
      };
      schedule();
    },
    options,
  );
  doc.addEventListener(
    'pointerout',
    (event) => {
      // No related target: the pointer left the window.
      if (!event.isTrusted || event.relatedTarget !== null || event.pointerType === 'touch' || !last) return;
      last = { ...last, x: -1, y: -1, overCard: false, time: event.timeStamp };
      schedule();
    },
    options,
  );
  doc.addEventListener(
    'scroll',
    () => {
      if (!last || !deps.isActive()) return;
      last = {
        ...last,
        overCard: deps.isHost(doc.elementFromPoint(last.x, last.y)),
        time: win.performance.now(),
      };
      schedule();
    },
    options,
  );
  const onKey = (event: KeyboardEvent) => {
    // A page's made-up key cannot arm the hover key either.
    if (!event.isTrusted || !last || !MODIFIER_KEYS.has(event.key) || !deps.isActive()) return;
    last = { ...last, keys: event, time: event.timeStamp };
    schedule();
  };
  win.addEventListener('keydown', onKey, options);
  win.addEventListener('keyup', onKey, options);
  // Alt pressed and released alone opens the browser's menu bar (Firefox on Linux and
  // Windows) or focuses its menu button (Chromium on Windows), taking the keyboard from the
  // page. When Alt is the hover key and it was used on a mention or the card, the release
  // is kept from the browser. Not passive, so that preventDefault counts.
  win.addEventListener(
    'keyup',
    (event) => {
      if (!event.isTrusted || event.key !== 'Alt' || deps.modifier() !== 'alt' || !last || !deps.isActive())
        return;
      if (last.overCard || deps.hitTest(last.x, last.y) !== undefined) event.preventDefault();
    },
    { capture: true, signal },
  );

  doc.addEventListener(
    'pointerdown',
    (event) => {
      if (!event.isTrusted) return;
      press = undefined;
      pressedOutsideCard = deps.isHost(event.target) ? undefined : { x: event.clientX, y: event.clientY };
      if (!deps.isActive() || deps.isHost(event.target)) return;
      press = { id: event.pointerId, x: event.clientX, y: event.clientY, time: event.timeStamp };
      if (deps.hitTest(event.clientX, event.clientY) === undefined) deps.onPressOutside();
    },
    options,
  );
  doc.addEventListener(
    'pointerup',
    (event) => {
      if (!event.isTrusted) return;
      const start = press;
      press = undefined;
      pressedOutsideCard = undefined;
      // The selection is done: a rescan or a key from now on hit-tests the resting pointer.
      // (Nothing opens at the release itself, over the text just selected.)
      if (last?.selecting) last = { ...last, selecting: false };
      // A mouse hovers instead: a click is left for selecting text.
      if (!start || start.id !== event.pointerId || event.pointerType === 'mouse') return;
      const moved = Math.hypot(event.clientX - start.x, event.clientY - start.y);
      if (moved > TAP_SLOP_PX || event.timeStamp - start.time > TAP_MAX_MS) return;
      if ((event.target as Element | null)?.closest?.(INTERACTIVE)) return;
      const index = deps.hitTest(event.clientX, event.clientY);
      if (index !== undefined) deps.onTap(index);
    },
    options,
  );
  return { reevaluate: () => last && schedule() };
}
