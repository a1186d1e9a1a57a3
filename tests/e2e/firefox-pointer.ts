import type { Page } from 'puppeteer-core';
import { mentions } from '../support/firefox';
import type { FirefoxCardProbe } from '../support/firefox-card';
import { readPainted } from '../support/painted-ranges';
import { expect } from './fixtures';

/** The box of the first painted mention whose text is `text`, with its centre. */
export async function mentionBox(page: Page, text: string) {
  await expect.poll(() => mentions(page), { timeout: 10_000 }).toContain(text);
  const painted = (await page.evaluate(readPainted, 'backstory-mention')).find((r) => r.text === text);
  if (!painted) throw new Error(`"${text}" is not painted`);
  const { left, top, right, bottom } = painted.box;
  return { left, top, right, bottom, x: (left + right) / 2, y: (top + bottom) / 2 };
}

/** Moves the pointer off, waits for the card to close, rests it on `line`; the card's box. */
export async function restOn(
  page: Page,
  card: FirefoxCardProbe,
  line: { left: number; top: number; right: number; bottom: number },
) {
  await page.mouse.move(5, 5);
  await expect.poll(() => card.isOpen(), { timeout: 5000 }).toBe(false);
  await page.mouse.move((line.left + line.right) / 2, (line.top + line.bottom) / 2);
  await expect.poll(() => card.isOpen(), { timeout: 5000 }).toBe(true);
  return card.box();
}
