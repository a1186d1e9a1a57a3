import { inFixedLayer, parentOf } from './mention-visibility';

const MARGIN = 48;

/** How the mention sits on the page, and which element is the card's own host. */
export interface ScrollOptions {
  /** The mention is in a fixed or sticky element (see MentionVisibility). */
  fixed: boolean;
  isHost(target: EventTarget | null): boolean;
}

function within(rect: DOMRect, win: Window, margin: number): boolean {
  return (
    rect.top >= margin &&
    rect.bottom <= win.innerHeight - margin &&
    rect.left >= 0 &&
    rect.right <= win.innerWidth
  );
}

/**
 * True when something fixed or sticky of the page's own (a header, a cookie banner) is
 * drawn over the middle of the mention's first line: the window holds it, the reader
 * does not see it. The open card, which may cover the next mention, does not count.
 */
function underFixedLayer(range: Range, win: Window, isHost: ScrollOptions['isHost']): boolean {
  const line = range.getClientRects()[0];
  const node = range.startContainer;
  const element = node instanceof Element ? node : node.parentElement;
  if (!line || !element) return false;
  const root = element.getRootNode() as Document | ShadowRoot;
  const top = root
    .elementsFromPoint((line.left + line.right) / 2, (line.top + line.bottom) / 2)
    .find((hit) => !isHost(hit));
  if (!top || top.contains(element) || element.contains(top)) return false;
  return inFixedLayer(top, win);
}

const SIDEWAYS = new Set(['auto', 'scroll', 'overlay']);

/** Where `box` shows its content (inside its borders, beside its scroll bars), in viewport coordinates. */
function clientEdges(box: Element): { left: number; top: number; right: number; bottom: number } {
  const rect = box.getBoundingClientRect();
  const left = rect.left + box.clientLeft;
  const top = rect.top + box.clientTop;
  return { left, top, right: left + box.clientWidth, bottom: top + box.clientHeight };
}

/**
 * True when the mention lies inside every box around it that clips what overflows it (an
 * inner scroller, a table in a box that scrolls sideways). The window is left to `within`:
 * the root and the body may pass their overflow on to it.
 */
function insideBoxes(range: Range, element: Element | null, win: Window): boolean {
  const { documentElement, body } = win.document;
  const mention = range.getBoundingClientRect();
  for (let box = element; box && box !== body && box !== documentElement; box = parentOf(box)) {
    if (box.scrollWidth <= box.clientWidth && box.scrollHeight <= box.clientHeight) continue;
    const { overflowX, overflowY } = win.getComputedStyle(box);
    if (overflowX === 'visible' && overflowY === 'visible') continue;
    const edges = clientEdges(box);
    if (
      mention.left < edges.left ||
      mention.right > edges.right ||
      mention.top < edges.top ||
      mention.bottom > edges.bottom
    )
      return false;
  }
  return true;
}

/**
 * Brings the mention's middle to the middle of each box that scrolls sideways around it,
 * innermost first, and then of the window, where it is outside them. `scrollIntoView`
 * cannot: its element may be wider than the box (a long table cell, a line set wider than
 * the window), and "nearest" then leaves the box where it is.
 */
function revealSideways(range: Range, element: Element | null, win: Window): void {
  const middle = () => {
    const { left, right } = range.getBoundingClientRect();
    return { left, right, centre: (left + right) / 2 };
  };
  for (let box = element; box; box = parentOf(box)) {
    if (box.scrollWidth <= box.clientWidth || !SIDEWAYS.has(win.getComputedStyle(box).overflowX)) continue;
    const { left, right } = clientEdges(box);
    const mention = middle();
    if (mention.left < left || mention.right > right) box.scrollLeft += mention.centre - (left + right) / 2;
  }
  const mention = middle();
  if (mention.left < 0 || mention.right > win.innerWidth)
    win.scrollBy({ left: mention.centre - win.innerWidth / 2, behavior: 'instant' });
}

/**
 * Scrolls a mention into view, in every scrolling ancestor, unless it is already
 * comfortably visible: in the window, inside each box that clips it, under nothing fixed.
 * The element's `scrollIntoView` handles nested scroll containers; a long paragraph may
 * still leave the mention outside, so the window finishes the job, and `revealSideways`
 * the boxes that scroll sideways.
 * Instant, not smooth: the card is placed against where the mention ends up.
 *
 * A mention in a fixed or sticky element that is on screen stays where it is: scrolling
 * cannot bring it closer, and would only carry the article away from the reader (a sticky
 * header's mention would scroll the page back to where the header was first laid out).
 */
export function scrollRangeIntoView(range: Range, win: Window, options: ScrollOptions): void {
  if (options.fixed && within(range.getBoundingClientRect(), win, 0)) return;
  const node = range.startContainer;
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  const inView = () =>
    within(range.getBoundingClientRect(), win, MARGIN) &&
    insideBoxes(range, element, win) &&
    !underFixedLayer(range, win, options.isHost);
  if (inView()) return;
  element?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
  revealSideways(range, element, win);
  if (!inView()) {
    win.scrollBy({ top: range.getBoundingClientRect().top - win.innerHeight / 2, behavior: 'instant' });
  }
}
