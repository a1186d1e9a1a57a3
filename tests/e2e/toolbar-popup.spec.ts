import { createServer } from 'node:net';
import puppeteer, { type Browser as PuppeteerBrowser, type Page as PuppeteerPage } from 'puppeteer-core';
import { defaultZoom, type ExtensionBrowser, launchWithExtension } from '../support/launch';
import { missingXTools, startXDisplay, type XDisplay } from '../support/x-display';
import { expect, paintedMentions, test } from './fixtures';

// The manager as the toolbar popup, not as a page: the other popup tests open popup.html in a
// tab and tell it which tab to act on (`?tab=…&url=…`). Here Chromium has a window on a
// private X display, `action.openPopup()` opens the real popup over the article, and the
// popup finds the article's tab by itself. Playwright does not hand out an extension's
// popup, so the test reaches it over Chromium's DevTools port with puppeteer-core.

// The slice of Chromium's extension API called in the service worker.
declare const chrome: { action: { openPopup(): Promise<void> } };

const missing = missingXTools();
test.skip(missing !== undefined, `the toolbar popup test is skipped: ${missing}`);

let x: XDisplay;
let browser: ExtensionBrowser;
let devtools: PuppeteerBrowser;

/** A TCP port that nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

test.beforeAll(async () => {
  x = await startXDisplay();
  ({ browser, devtools } = await launchOnDisplay());
});

/** Chromium with the extension on the X display, and a DevTools connection to it. */
async function launchOnDisplay(preferences?: object) {
  const port = await freePort();
  const launched = await launchWithExtension(
    undefined,
    x.display,
    [`--remote-debugging-port=${port}`],
    preferences,
  );
  const connected = await puppeteer.connect({
    browserURL: `http://127.0.0.1:${port}`,
    defaultViewport: null,
  });
  return { browser: launched, devtools: connected };
}
test.afterAll(async () => {
  await devtools?.disconnect();
  await browser?.close();
  await x?.close();
});

/** Opens the toolbar popup over the active tab and returns its page. */
async function openToolbarPopup(on = { browser, devtools }): Promise<PuppeteerPage> {
  const { browser, devtools } = on;
  const worker = browser.context.serviceWorkers()[0];
  if (!worker) throw new Error('the extension has no service worker');
  await worker.evaluate(() => chrome.action.openPopup());
  const target = await devtools.waitForTarget(
    (t) => /^chrome-extension:\/\/[^/]+\/popup\.html$/.test(t.url()),
    {
      timeout: 10_000,
    },
  );
  const popup = await target.asPage();
  await popup.waitForSelector('[role=tab]');
  return popup;
}

test('the toolbar popup opens at its size over the article and finds the article’s cards by itself', async ({
  server,
}) => {
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(server.url('/demo.html'));
  await expect.poll(() => paintedMentions(page), { timeout: 10_000 }).toContain('NATO');
  await page.bringToFront();

  const popup = await openToolbarPopup();
  // The popup is as large as its stylesheet makes it (a popup may be at most 800 × 600), and
  // nothing in it sticks out sideways.
  expect(
    await popup.evaluate(() => ({
      width: innerWidth,
      height: innerHeight,
      sideways: document.documentElement.scrollWidth > innerWidth,
    })),
  ).toEqual({ width: 420, height: 580, sideways: false });
  expect(await popup.$$eval('[aria-label="Cards"] li', (rows) => rows.length)).toBeGreaterThan(3);

  // With no tab named in its address, "On this page" asks the active tab: the article.
  await popup.locator('[role=tab]::-p-text(On this page)').click();
  const onPage = await popup.waitForSelector('[aria-label="Cards on this page"] button');
  expect(await onPage?.evaluate((button) => button.textContent)).toMatch(/^NATO\s*\d+ mentions$/);
});

for (const zoom of [1.25, 2]) {
  test(`at a default zoom of ${zoom * 100}% the popup fits the window Chromium gives it, Save included`, async ({
    server,
  }) => {
    // A popup is at most 600 screen pixels high: 480 CSS px at 125%, 300 at 200%.
    const zoomed = await launchOnDisplay(defaultZoom(zoom));
    try {
      const page = zoomed.browser.context.pages()[0] ?? (await zoomed.browser.context.newPage());
      await page.goto(server.url('/demo.html'));
      expect(await page.evaluate(() => devicePixelRatio)).toBe(zoom);
      await page.bringToFront();
      const popup = await openToolbarPopup(zoomed);
      const fits = () =>
        popup.evaluate(() => {
          const body = document.body.getBoundingClientRect();
          const root = document.documentElement;
          return {
            inside: body.bottom <= innerHeight + 0.5 && body.right <= innerWidth + 0.5,
            scrolls: root.scrollHeight > innerHeight + 0.5 || root.scrollWidth > innerWidth + 0.5,
          };
        });
      await expect.poll(fits).toEqual({ inside: true, scrolls: false });
      expect(await popup.evaluate(() => innerHeight * devicePixelRatio)).toBeLessThanOrEqual(600.5);
      await popup.locator('button::-p-text(New card)').click();
      const save = await popup.waitForSelector('button[type=submit]');
      const box = await save?.evaluate((button) => {
        const r = button.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, right: r.right, height: innerHeight, width: innerWidth };
      });
      expect(
        box && box.top >= 0 && box.bottom <= box.height && box.right <= box.width,
        JSON.stringify(box),
      ).toBe(true);
      expect(await fits()).toEqual({ inside: true, scrolls: false });
    } finally {
      await zoomed.devtools.disconnect();
      await zoomed.browser.close();
    }
  });
}
