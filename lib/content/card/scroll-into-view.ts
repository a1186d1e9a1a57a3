const MARGIN = 48;

function inView(rect: DOMRect, win: Window): boolean {
  return (
    rect.top >= MARGIN &&
    rect.bottom <= win.innerHeight - MARGIN &&
    rect.left >= 0 &&
    rect.right <= win.innerWidth
  );
}

/**
 * Scrolls a mention into view, in every scrolling ancestor, unless it is already
 * comfortably visible. The element's `scrollIntoView` handles nested scroll containers;
 * a long paragraph may still leave the mention outside, so the window finishes the job.
 * Instant, not smooth: the card is placed against where the mention ends up.
 */
export function scrollRangeIntoView(range: Range, win: Window): void {
  if (inView(range.getBoundingClientRect(), win)) return;
  const node = range.startContainer;
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  element?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
  const rect = range.getBoundingClientRect();
  if (!inView(rect, win)) {
    win.scrollBy({ top: rect.top - win.innerHeight / 2, behavior: 'instant' });
  }
}
