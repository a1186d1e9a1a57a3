import type { Page } from 'puppeteer-core';
import { findFirefox, firstScanPainted, launchFirefoxWithExtension, NO_FIREFOX } from '../support/firefox';
import { type StaticServer, startStaticServer } from '../support/static-server';
import { DEMO_PAGE, expect, test } from './fixtures';
import { goldenCases, goldenRoutes } from './golden-cases';
import { HOSTILE_DOM_PAGE, realAdoptedSheets } from './hostile-dom';

// Firefox runs the same build for a different engine: its isolated world differs from
// Chromium's, and a style that works in Chromium can be refused there. One browser for the
// suite; each test opens its own tab.
const firefox = findFirefox();
test.skip(!firefox, NO_FIREFOX);

let browser: Awaited<ReturnType<typeof launchFirefoxWithExtension>>;
let pages: StaticServer;
let scripted: StaticServer;
test.beforeAll(async () => {
  pages = await startStaticServer({ '/demo.html': DEMO_PAGE, ...goldenRoutes() });
  scripted = await startStaticServer({ '/hostile.html': { body: HOSTILE_DOM_PAGE } }, { scripts: true });
  browser = await launchFirefoxWithExtension(firefox as string);
});
test.afterAll(async () => {
  await browser?.close();
  await pages?.close();
  await scripted?.close();
});

/** The painted mention texts, in the order they were registered. */
function mentions(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(CSS.highlights.get('backstory-mention') ?? [])].map((r) => String(r)));
}

/** Rests the pointer on the first painted mention and waits for its card's tint. */
async function hoverFirstMention(page: Page): Promise<void> {
  const point = await page.evaluate(() => {
    const first = [...(CSS.highlights.get('backstory-mention') ?? [])][0] as Range;
    const box = first.getBoundingClientRect();
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  });
  await page.mouse.move(point.x, point.y);
  await expect
    .poll(() => page.evaluate(() => CSS.highlights.has('backstory-active')), { timeout: 5000 })
    .toBe(true);
}

test('Firefox: the demo article is painted, with the mention style adopted and no node added', async () => {
  const page = await browser.newPage();
  await page.goto(pages.url('/demo.html'));
  await expect.poll(() => mentions(page), { timeout: 10_000 }).toContain('The Hague summit');
  expect(await mentions(page)).toContain('NATO');
  const sheets = await page.evaluate(() =>
    [...document.adoptedStyleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)),
  );
  const mentionRules = sheets.filter((rule) => rule.startsWith('::highlight(backstory-mention)'));
  expect(mentionRules.join(' ')).toContain('text-decoration');
  // Firefox draws no text-decoration on a highlight: its build adds a tint.
  expect(mentionRules.join(' ')).toContain('background-color');
  expect(await page.evaluate(() => document.querySelectorAll('backstory-card').length)).toBe(0);
  await page.close();
});

test('Firefox: resting the pointer on a mention opens its card and marks the mention', async () => {
  const page = await browser.newPage();
  await page.goto(pages.url('/demo.html'));
  await expect.poll(() => mentions(page), { timeout: 10_000 }).toContain('NATO');
  await hoverFirstMention(page);
  expect(await page.evaluate(() => document.querySelectorAll('backstory-card').length)).toBe(1);
  await page.close();
});

test('Firefox: every golden page gets exactly the expected mentions', async () => {
  // Firefox's content scripts see the page through Xray wrappers: the reader must find the
  // same blocks, links, skipped elements and open shadow roots there as in Chromium.
  const page = await browser.newPage();
  for (const { name, path, expected } of goldenCases) {
    await page.goto(pages.url(path));
    // Compared once the first scan is painted, so an early part of it cannot pass for all of it.
    await firstScanPainted(page, 10_000).catch((error: unknown) => {
      throw new Error(`${name}: ${String(error)}`);
    });
    expect(await mentions(page), name).toEqual(expected);
  }
  await page.close();
});

test("Firefox: a page that replaces the DOM's and the stylesheets' own methods cannot stop Backstory", async () => {
  const page = await browser.newPage();
  await page.goto(scripted.url('/hostile.html?arrays'));
  await expect.poll(() => mentions(page), { timeout: 10_000 }).toEqual(['Kremlin']);
  // The mention style went in beside the page's own sheet, past the page's traps.
  const sheets = await page.evaluate(realAdoptedSheets);
  expect(sheets).toHaveLength(2);
  expect(sheets[0]).toContain('rgb(0, 90, 0)');
  expect(sheets[1]).toContain('::highlight(backstory-mention)');
  // The card opens, and its tint for the active mention gets past the traps too.
  await hoverFirstMention(page);
  expect(await page.evaluate(() => document.querySelectorAll('backstory-card').length)).toBe(1);
  expect((await page.evaluate(realAdoptedSheets))[2]).toContain('::highlight(backstory-active)');
  await page.close();
});
