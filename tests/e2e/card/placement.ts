import { expect } from '../fixtures';

/** A box in viewport coordinates: a line of a mention, or the card. */
export type Rect = { left: number; top: number; right?: number; bottom: number };

/** The card sits just under `line` (Floating UI's 6 px offset, plus rounding), aligned to its start. */
export function expectCardUnder(card: Rect | undefined, line: Rect): void {
  const gap = (card?.top ?? Number.NaN) - line.bottom;
  expect(gap).toBeGreaterThanOrEqual(0);
  expect(gap).toBeLessThanOrEqual(10);
  expect(Math.abs((card?.left ?? Number.NaN) - line.left)).toBeLessThanOrEqual(1);
}

/**
 * Run in the card's shadow root (a probe's `inCard`): the elements that stick out of the
 * dialog's right edge or scroll sideways, as `name.class`; none when the card reflows.
 */
export const CARD_OVERFLOW = `function () {
  const dialog = this.querySelector('[role=dialog]');
  const edge = dialog.getBoundingClientRect().right + 1;
  return [dialog, ...dialog.querySelectorAll('*')]
    .filter((e) => e.getBoundingClientRect().right > edge || (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible'))
    .map((e) => e.localName + '.' + e.className);
}`;
