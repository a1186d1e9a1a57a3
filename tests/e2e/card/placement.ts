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
