import { createServer } from 'node:net';
import puppeteer, { type Browser as PuppeteerBrowser, type Page as PuppeteerPage } from 'puppeteer-core';
import { type ExtensionBrowser, launchWithExtension } from '../support/launch';
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
  const port = await freePort();
  browser = await launchWithExtension(undefined, x.display, [`--remote-debugging-port=${port}`]);
  devtools = await puppeteer.connect({ browserURL: `http://127.0.0.1:${port}`, defaultViewport: null });
});
test.afterAll(async () => {
  await devtools?.disconnect();
  await browser?.close();
  await x?.close();
});

/** Opens the toolbar popup over the active tab and returns its page. */
async function openToolbarPopup(): Promise<PuppeteerPage> {
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
