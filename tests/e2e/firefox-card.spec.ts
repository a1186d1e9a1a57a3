import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { GRACE_MS } from '@/lib/content/card/hover-intent';
import { DEFAULT_PREFERENCES, PREFERENCES_KEY } from '@/lib/protocol/preferences';
import {
  findFirefox,
  launchFirefoxWithExtension,
  mentions,
  NO_FIREFOX,
  openExtensionPage,
} from '../support/firefox';
import { FirefoxCardProbe } from '../support/firefox-card';
import { putRecordHere, type RecordWrite } from '../support/load-cards';
import { readPainted } from '../support/painted-ranges';
import { type StaticServer, startStaticServer } from '../support/static-server';
import { expectCardUnder } from './card/placement';
import { DEMO_PAGE, expect, test } from './fixtures';

// The card in Firefox, read inside its closed shadow root over WebDriver BiDi
// (tests/support/firefox-card.ts): what it says, axe-core, and pinning. Chromium's
// counterparts are in card.spec.ts and card/safety.spec.ts.
const firefox = findFirefox();
test.skip(!firefox, NO_FIREFOX);

let browser: Awaited<ReturnType<typeof launchFirefoxWithExtension>>;
let pages: StaticServer;
test.beforeAll(async () => {
  pages = await startStaticServer({
    '/demo.html': DEMO_PAGE,
    '/edges.html': resolve(import.meta.dirname, 'card/edges.html'),
    '/layouts.html': resolve(import.meta.dirname, 'card/layouts.html'),
    '/zoomed.html': resolve(import.meta.dirname, 'card/zoomed.html'),
    '/plain.html': resolve(import.meta.dirname, 'card/plain.html'),
  });
  browser = await launchFirefoxWithExtension(firefox as string);
});
test.afterAll(async () => {
  await browser?.close();
  await pages?.close();
});

/** The box of the first painted mention whose text is `text`, with its centre. */
async function mentionBox(page: Page, text: string) {
  await expect.poll(() => mentions(page), { timeout: 10_000 }).toContain(text);
  const painted = (await page.evaluate(readPainted, 'backstory-mention')).find((r) => r.text === text);
  if (!painted) throw new Error(`"${text}" is not painted`);
  const { left, top, right, bottom } = painted.box;
  return { left, top, bottom, x: (left + right) / 2, y: (top + bottom) / 2 };
}

/** Opens a page (the demo article by default) and rests the pointer on NATO until its card is open. */
async function openNatoCard(path = '/demo.html') {
  const page = await browser.newPage();
  await page.goto(pages.url(path));
  const card = new FirefoxCardProbe(page);
  const nato = await mentionBox(page, 'NATO');
  await page.mouse.move(nato.x, nato.y);
  await expect.poll(() => card.isOpen(), { timeout: 5000 }).toBe(true);
  return { page, card, nato };
}

/** Stores the card theme, as the popup's setting does; the next scan of a page takes it. */
async function setTheme(theme: 'light' | 'dark' | 'auto'): Promise<void> {
  const settings = await browser.newPage();
  await openExtensionPage(settings, 'popup.html', '[role=tab]');
  const write: RecordWrite = {
    store: 'settings',
    record: { key: PREFERENCES_KEY, value: { ...DEFAULT_PREFERENCES, theme } },
  };
  await settings.evaluate(putRecordHere, write);
  await settings.close();
}

test('Firefox: the open card is a dialog named by its title, with its summary, and no axe-core violations in light and dark', async () => {
  const backgrounds: (string | undefined)[] = [];
  try {
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(theme);
      const { page, card } = await openNatoCard();
      const state = await card.state();
      expect(state?.name).toBe('NATO');
      expect(state?.summary).toContain('North Atlantic Treaty Organization');
      expect(state?.pinned).toBe('false');
      backgrounds.push(state?.background);
      const inPlace = await card.axe();
      expect(inPlace.violations, theme).toEqual([]);
      expect(inPlace.passes.length, theme).toBeGreaterThan(5);
      const contrast = await card.axe({ inBody: true, rules: ['color-contrast'] });
      expect(contrast.violations, theme).toEqual([]);
      expect(contrast.incomplete, theme).toEqual([]);
      expect(contrast.passes, theme).toContain('color-contrast');
      // The run gave the host its root only for the check: the page's world sees none again.
      expect(await page.evaluate(() => document.querySelector('backstory-card')?.shadowRoot)).toBeNull();
      await page.close();
    }
  } finally {
    // Back to the default, for the tests after this one, whatever happened above.
    await setTheme('auto');
  }
  // The setting reached the card: light and dark are not the same card.
  expect(backgrounds[0]).not.toBe(backgrounds[1]);
});

test('Firefox: a card opens under its mention, closes when the pointer leaves; pinned, it stays until Escape', async () => {
  const { page, card, nato: mention } = await openNatoCard();
  // Under the mention (Floating UI's 6 px offset, plus rounding), aligned to its start.
  const box = await card.box();
  expect((box?.top ?? Number.NaN) - mention.bottom).toBeGreaterThanOrEqual(0);
  expect((box?.top ?? Number.NaN) - mention.bottom).toBeLessThanOrEqual(10);
  expect(Math.abs((box?.left ?? Number.NaN) - mention.left)).toBeLessThanOrEqual(1);
  await page.mouse.move(5, 5);
  await expect.poll(() => card.isOpen(), { timeout: 5000 }).toBe(false);
  // Closed, not lost: the host is still there, with no card in it.
  expect(await card.hasHost()).toBe(true);

  const nato = await mentionBox(page, 'NATO');
  await page.mouse.move(nato.x, nato.y);
  await expect.poll(() => card.isOpen(), { timeout: 5000 }).toBe(true);
  await card.pressControl('Pin card');
  expect((await card.state())?.pinned).toBe('true');
  // A press on the page takes focus out of the card (a focused card stays for that reason
  // alone) and leaves a pinned card open; so does the pointer staying away past the grace.
  await page.mouse.click(5, 5);
  expect(await card.inCard<boolean>('function () { return this.activeElement === null; }')).toBe(true);
  await new Promise((resolve) => setTimeout(resolve, GRACE_MS + 500));
  expect(await card.isOpen()).toBe(true);
  await page.keyboard.press('Escape');
  await expect.poll(() => card.isOpen(), { timeout: 5000 }).toBe(false);
  expect(await card.hasHost()).toBe(true);
  await page.close();
});

test('Firefox: a card by the bottom right corner flips above its mention and stays inside the window', async () => {
  const { page, card, nato } = await openNatoCard('/edges.html');
  const box = await card.box();
  const size = await page.evaluate(() => ({ width: innerWidth, height: innerHeight }));
  expect(box?.left).toBeGreaterThanOrEqual(0);
  expect(box?.top).toBeGreaterThanOrEqual(0);
  expect(box?.right).toBeLessThanOrEqual(size.width);
  expect(box?.bottom).toBeLessThanOrEqual(nato.top);
  await page.close();
});

/** Opens a page and a probe on its card, once `text` is painted. */
async function visit(path: string, text: string) {
  const page = await browser.newPage();
  await page.goto(pages.url(path));
  await expect.poll(() => mentions(page), { timeout: 10_000 }).toContain(text);
  return { page, card: new FirefoxCardProbe(page) };
}

/** Moves the pointer off, waits for the card to close, rests it on `line`; the card's box. */
async function restOn(
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
  const before = await restOn(page, card, { ...nato, right: 2 * nato.x - nato.left });
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
  const box = await restOn(page, card, { ...nato, right: 2 * nato.x - nato.left });
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
  const settings = await browser.newPage();
  await openExtensionPage(settings, 'popup.html', '[role=tab]');
  await page.bringToFront();
  await settings.evaluate(async (factor) => {
    const tabs = (globalThis as unknown as { browser: { tabs: { setZoom(factor: number): Promise<void> } } })
      .browser.tabs;
    await tabs.setZoom(factor);
  }, factor);
  await settings.close();
}

test("Firefox: at the browser's own zoom of 200%, the card lands under the mention and fits the narrower window", async () => {
  const { page, card } = await visit('/plain.html', 'NATO');
  // Firefox keeps a zoom per site: it is set back for the tests after this one.
  await zoomTab(page, 2);
  try {
    await page.bringToFront();
    await expect.poll(() => page.evaluate(() => innerWidth)).toBe(500);
    const nato = await mentionBox(page, 'NATO');
    const box = await restOn(page, card, { ...nato, right: 2 * nato.x - nato.left });
    expectCardUnder(box, nato);
    expect(box?.right).toBeLessThanOrEqual(500);
    expect(box?.bottom).toBeLessThanOrEqual(400);
  } finally {
    await zoomTab(page, 1);
    await page.close();
  }
});
