import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { mentions, openExtensionPage } from '../support/firefox';
import { FirefoxCardProbe } from '../support/firefox-card';
import { readPainted } from '../support/painted-ranges';
import { CARD_OVERFLOW, expectCardUnder } from './card/placement';
import { mentionBox, restOn } from './firefox-pointer';
import { useFirefoxSuite } from './firefox-suite';
import { expect, test } from './fixtures';

// Where the card lands in Firefox: wrapped mentions, a scrolled box, a page zoomed with CSS
// and the browser's own zoom. Chromium's counterparts are in card.spec.ts.
const firefox = useFirefoxSuite({
  '/layouts.html': resolve(import.meta.dirname, 'card/layouts.html'),
  '/zoomed.html': resolve(import.meta.dirname, 'card/zoomed.html'),
  '/plain.html': resolve(import.meta.dirname, 'card/plain.html'),
});

/** Opens a page and a probe on its card, once `text` is painted. */
async function visit(path: string, text: string) {
  const page = await firefox.browser.newPage();
  await page.goto(firefox.pages.url(path));
  await expect.poll(() => mentions(page), { timeout: 10_000 }).toContain(text);
  return { page, card: new FirefoxCardProbe(page) };
}

// The window is 1000 × 800, as in card.spec.ts (see launchFirefox).
test('Firefox: a mention that wraps gets its card below all of it, or below the piece hovered when the pieces are apart', async () => {
  const { page, card } = await visit('/layouts.html', 'The Hague summit');
  const painted = (await page.evaluate(readPainted, 'backstory-mention')).filter(
    (r) => r.text === 'The Hague summit',
  );
  // In the narrow column the lines are connected: Firefox's fonts break the mention into
  // three lines there (Chromium's into two that overlap side by side). The card goes under
  // the last line, wherever the pointer rests on it.
  const column = painted[0]?.rects ?? [];
  const [first, last] = [column[0], column.at(-1)];
  if (!first || !last || column.length < 2) throw new Error('the mention in the narrow column does not wrap');
  if (column.length === 2) expect(first.left).toBeLessThan(last.right);
  expectCardUnder(await restOn(page, card, first), last);
  // In the monospace paragraph the pieces are apart: the card goes under the one hovered.
  const [head, tail] = painted[1]?.rects ?? [];
  if (!head || !tail) throw new Error('the mention in the monospace paragraph does not wrap');
  expect(head.left).toBeGreaterThan(tail.right);
  expectCardUnder(await restOn(page, card, head), head);
  await page.close();
});

test('Firefox: a mention in a scrolled box gets its card under it, and the card follows the box scrolling', async () => {
  const { page, card } = await visit('/layouts.html', 'NATO');
  await page.evaluate(() => document.getElementById('inside')?.scrollIntoView({ block: 'center' }));
  const nato = await mentionBox(page, 'NATO');
  const before = await restOn(page, card, nato);
  expectCardUnder(before, nato);
  // The pointer rests in the card, which keeps it open while the box scrolls.
  await page.mouse.move((before?.left ?? 0) + 10, (before?.top ?? 0) + 10, { steps: 4 });
  await page.evaluate(() => {
    (document.getElementById('scroller') as HTMLElement).scrollTop += 20;
  });
  await expect.poll(async () => Math.round(((await card.box())?.top ?? 0) - (before?.top ?? 0))).toBe(-20);
  await page.close();
});

test('Firefox: on a page that zooms itself with CSS, the card still lands under the mention', async () => {
  const { page, card } = await visit('/zoomed.html', 'NATO');
  const nato = await mentionBox(page, 'NATO');
  const box = await restOn(page, card, nato);
  expectCardUnder(box, nato);
  // Drawn at its own size (360 px wide at most), not the page's 1.5×.
  expect((box?.right ?? 0) - (box?.left ?? 0)).toBeLessThanOrEqual(360);
  await page.close();
});

/**
 * Sets the browser's own zoom of `page`'s tab (1 is 100%), from an extension page: the add-on
 * may not read tabs' addresses, so the page is brought to the front and the active tab zoomed.
 */
async function zoomTab(page: Page, factor: number): Promise<void> {
  const settings = await firefox.browser.newPage();
  await openExtensionPage(settings, 'popup.html', '[role=tab]');
  await page.bringToFront();
  await settings.evaluate(async (factor) => {
    const tabs = (globalThis as unknown as { browser: { tabs: { setZoom(factor: number): Promise<void> } } })
      .browser.tabs;
    await tabs.setZoom(factor);
  }, factor);
  await settings.close();
}

// 400% of the 1000 px window leaves 250 CSS px, narrower than the 320 of WCAG's reflow criterion.
for (const zoom of [2, 4]) {
  test(`Firefox: at the browser's own zoom of ${zoom * 100}%, the card lands under the mention and fits the narrower window`, async () => {
    const { page, card } = await visit('/plain.html', 'NATO');
    // Firefox keeps a zoom per site: it is set back for the tests after this one.
    await zoomTab(page, zoom);
    try {
      await page.bringToFront();
      await expect.poll(() => page.evaluate(() => innerWidth)).toBe(1000 / zoom);
      const nato = await mentionBox(page, 'NATO');
      const box = await restOn(page, card, nato);
      expectCardUnder(box, nato);
      expect(box?.right).toBeLessThanOrEqual(1000 / zoom);
      expect(box?.bottom).toBeLessThanOrEqual(800 / zoom);
      // Nothing in the card sticks out of its right edge or needs scrolling sideways.
      const overflow = await card.inCard<string[]>(CARD_OVERFLOW);
      expect(overflow).toEqual([]);
    } finally {
      await zoomTab(page, 1);
      await page.close();
    }
  });
}
