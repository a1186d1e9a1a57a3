import type { Page } from 'puppeteer-core';
import {
  FIREFOX_EXTENSION_DIR,
  findFirefox,
  firefoxExtensionId,
  firstScanPainted,
  launchFirefoxWithExtension,
  mentions,
  mentionTint,
  NO_FIREFOX,
  openExtensionPage,
} from '../support/firefox';
import { FirefoxCardProbe } from '../support/firefox-card';
import { putRecordHere, type RecordWrite } from '../support/load-cards';
import { readPainted } from '../support/painted-ranges';
import { type StaticServer, startStaticServer } from '../support/static-server';
import { DEMO_PAGE, expect, test } from './fixtures';
import { goldenCases, goldenRoutes } from './golden-cases';
import { HOSTILE_DOM_PAGE, realAdoptedSheets } from './hostile-dom';
import { heardByPage, LISTENING_PAGE, listeningPath } from './listening-page';
import {
  addLateParagraph,
  attachLateWidget,
  defineLateQuote,
  livePageRoutes,
  removeLateParagraph,
} from './live-page';

// Firefox runs the same build for a different engine: its isolated world differs from
// Chromium's, and a style that works in Chromium can be refused there. One browser for the
// suite; each test opens its own tab.
const firefox = findFirefox();
test.skip(!firefox, NO_FIREFOX);

let browser: Awaited<ReturnType<typeof launchFirefoxWithExtension>>;
let pages: StaticServer;
let scripted: StaticServer;
test.beforeAll(async () => {
  pages = await startStaticServer({
    '/demo.html': DEMO_PAGE,
    ...goldenRoutes(),
    ...livePageRoutes(),
  });
  scripted = await startStaticServer(
    { '/hostile.html': { body: HOSTILE_DOM_PAGE }, '/listening.html': { body: LISTENING_PAGE } },
    { scripts: true },
  );
  browser = await launchFirefoxWithExtension(firefox as string);
});
test.afterAll(async () => {
  await browser?.close();
  await pages?.close();
  await scripted?.close();
});

/** Rests the pointer on the first painted mention and waits for its card's tint. */
async function hoverFirstMention(page: Page): Promise<void> {
  const [first] = await page.evaluate(readPainted, 'backstory-mention');
  if (!first) throw new Error('no mention is painted');
  const { box } = first;
  await page.mouse.move((box.left + box.right) / 2, (box.top + box.bottom) / 2);
  await expect
    .poll(() => page.evaluate(() => CSS.highlights.has('backstory-active')), { timeout: 5000 })
    .toBe(true);
}

/**
 * The card is rendered, not only its host and the active tint (both come before it renders),
 * and it is the card named `title`, with text of its own.
 */
async function expectCardOf(page: Page, title: string): Promise<void> {
  const card = new FirefoxCardProbe(page);
  await expect.poll(() => card.isOpen(), { timeout: 5000 }).toBe(true);
  const state = await card.state();
  expect(state?.name).toBe(title);
  expect(state?.summary?.length ?? 0).toBeGreaterThan(title.length + 20);
}

test('Firefox: the demo article is painted, styled from the manifest, with nothing added to the page', async () => {
  const page = await browser.newPage();
  await page.goto(pages.url('/demo.html'));
  await expect.poll(() => mentions(page), { timeout: 10_000 }).toContain('The Hague summit');
  expect(await mentions(page)).toContain('NATO');
  // Firefox draws no text-decoration on a highlight: its build adds a tint, which shows.
  expect(await mentionTint(page)).toBeGreaterThan(0.3);
  expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
  expect(await page.evaluate(() => document.querySelectorAll('backstory-card').length)).toBe(0);
  await page.close();
});

test('Firefox: resting the pointer on a mention opens its card and marks the mention', async () => {
  const page = await browser.newPage();
  await page.goto(pages.url('/demo.html'));
  await expect.poll(() => mentions(page), { timeout: 10_000 }).toContain('NATO');
  await hoverFirstMention(page);
  expect(await page.evaluate(() => document.querySelectorAll('backstory-card').length)).toBe(1);
  await expectCardOf(page, 'NATO');
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
  // The mention shows, styled without the page's objects: its own sheet list is untouched.
  expect(await mentionTint(page)).toBeGreaterThan(0.3);
  const sheets = await page.evaluate(realAdoptedSheets);
  expect(sheets).toHaveLength(1);
  expect(sheets[0]).toContain('rgb(0, 90, 0)');
  await hoverFirstMention(page);
  expect(await page.evaluate(() => document.querySelectorAll('backstory-card').length)).toBe(1);
  await expectCardOf(page, 'Kremlin');
  await page.close();
});

test("Firefox: a page that imitates WXT's events cannot stop Backstory", async () => {
  const page = await browser.newPage();
  await page.goto(pages.url('/live.html'));
  await firstScanPainted(page);
  // Firefox hands a content script the page's event details through Xray wrappers, which
  // read a plain object's own fields: the imitation would reach WXT's check.
  await page.evaluate((prefix) => {
    document.dispatchEvent(
      new CustomEvent(`${prefix}wxt:content-script-started`, {
        detail: { contentScriptName: 'content', messageId: 'page' },
      }),
    );
    window.dispatchEvent(new Event(`${prefix}wxt:locationchange`));
  }, `${firefoxExtensionId()}:content:`);
  await page.evaluate(addLateParagraph);
  await expect.poll(() => mentions(page), { timeout: 3000, intervals: [50] }).toEqual(['Kremlin']);
  await page.close();
});

test("Firefox: the page's scripts hear nothing of Backstory, no message and no event named after it", async () => {
  const page = await browser.newPage();
  await page.goto(scripted.url(listeningPath(firefoxExtensionId())));
  await expect
    .poll(() => mentions(page), { timeout: 10_000 })
    .toEqual(['Moscow', 'Kremlin', 'Moscow', 'Kremlin']);
  // Firefox 140 has no Navigation API: WXT looks at the address once a second. (That the
  // reading script still gets the change is the next test's.)
  await page.evaluate(() => history.pushState({}, '', `${location.search}&part=2`));
  await new Promise((wait) => setTimeout(wait, 1500));
  expect(await page.evaluate(heardByPage)).toEqual([]);
  await page.close();
});

test('Firefox: a page that changes is followed: added, removed and edited text, and a new URL', async () => {
  const page = await browser.newPage();
  await page.goto(pages.url('/live.html'));
  await firstScanPainted(page);
  expect(await mentions(page)).toEqual([]);
  const added = Date.now();
  await page.evaluate(addLateParagraph);
  await expect.poll(() => mentions(page), { timeout: 1000, intervals: [50] }).toEqual(['Kremlin']);
  expect(Date.now() - added).toBeLessThan(1000);
  await page.evaluate(removeLateParagraph);
  await expect.poll(() => mentions(page), { timeout: 1000, intervals: [50] }).toEqual([]);
  await page.evaluate(() => {
    (document.querySelector('p')?.firstChild as Text).data = 'Moscow, Moscow and the Kremlin.';
  });
  await expect.poll(() => mentions(page)).toEqual(['Moscow', 'Moscow', 'Kremlin']);

  // A setting written with no message to the tab is picked up only by a new read of the
  // page, so a URL change in a single-page app is what repaints.
  const settings = await browser.newPage();
  await openExtensionPage(settings, 'popup.html', '[role=tab]');
  const writeDensity = (density: 'first' | 'all') => {
    const write: RecordWrite = { store: 'settings', record: { key: 'preferences', value: { density } } };
    return settings.evaluate(putRecordHere, write);
  };
  await writeDensity('first');
  await page.evaluate(() => history.pushState({}, '', '/live.html?story=2'));
  // Firefox 140 has no Navigation API, so WXT looks at the address once a second.
  await expect.poll(() => mentions(page), { timeout: 3000 }).toEqual(['Moscow', 'Kremlin']);
  await writeDensity('all'); // the default, for the tests after this one
  await settings.close();
  await page.close();
});

test('Firefox: a component whose script gives it a shadow root after the page was read is painted', async () => {
  const page = await browser.newPage();
  await page.goto(pages.url('/late-component.html'));
  await firstScanPainted(page);
  expect(await mentions(page)).toEqual([]);
  // The content script sees the page's shadow root through its Xray view of the element.
  await page.evaluate(defineLateQuote);
  await expect.poll(() => mentions(page), { timeout: 3000, intervals: [50] }).toEqual(['Moscow']);
  await page.close();
});

test('Firefox: a shadow root a page script attaches to an empty div after the page was read is painted', async () => {
  const page = await browser.newPage();
  await page.goto(pages.url('/late-widget.html'));
  await firstScanPainted(page);
  // Past the first looks: the watch must keep looking with no component waiting.
  await new Promise((done) => setTimeout(done, 1200));
  await page.evaluate(attachLateWidget);
  await expect.poll(() => mentions(page), { timeout: 3000, intervals: [50] }).toEqual(['Kyiv']);
  await page.close();
});

test('Firefox: removing the add-on takes the paint off open pages; installing it again leaves no trace of the old copy', async () => {
  // Firefox stops a removed add-on's content script before it can clean up. The style comes
  // from the manifest, which Firefox takes away, so the highlights left behind show nothing.
  const own = await launchFirefoxWithExtension(firefox as string);
  try {
    const page = await own.newPage();
    await page.goto(pages.url('/demo.html'));
    await expect.poll(() => mentions(page), { timeout: 10_000 }).toContain('NATO');
    expect(await mentionTint(page)).toBeGreaterThan(0.3);
    await hoverFirstMention(page);
    const cards = () => page.evaluate(() => document.getElementsByTagName('backstory-card').length);
    expect(await cards()).toBe(1);
    await own.uninstallExtension(firefoxExtensionId());
    await expect.poll(() => mentionTint(page)).toBe(0);

    // Firefox puts the new copy's script and style into the open tab (as on an update). It
    // takes the old copy's card and active tint away, and paints the mentions itself.
    await own.installExtension(FIREFOX_EXTENSION_DIR);
    await expect.poll(cards).toBe(0);
    await expect.poll(() => page.evaluate(() => CSS.highlights.has('backstory-active'))).toBe(false);
    // The new copy starts from nothing: it seeds its database and builds its matcher first.
    await expect.poll(() => mentions(page), { timeout: 15_000 }).toContain('NATO');
    expect(await mentionTint(page)).toBeGreaterThan(0.3);
  } finally {
    await own.close();
  }
});
