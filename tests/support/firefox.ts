import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { PAGE_TIMELINE_KEY } from '../../lib/db/reader-settings';
import { databaseMade, putRecordHere, type RecordWrite } from './load-cards';
import { type PaintedBox, readPainted } from './painted-ranges';
import { bluishShare, imagePixels } from './pixels';

/** Where `wxt build -b firefox` puts the Firefox build. */
export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv2');

const CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

/**
 * Path of a Firefox to drive (FIREFOX_PATH, else Debian's), or undefined when there is none.
 * A FIREFOX_PATH that points at nothing is a mistake, not a reason to skip: it throws.
 */
export function findFirefox(): string | undefined {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`FIREFOX_PATH is set to ${fromEnv}, but no file is there.`);
  }
  return CANDIDATES.find((path) => existsSync(path));
}

/** Why the Firefox suite does not run here. */
export const NO_FIREFOX =
  'skipped: no Firefox found (install Debian\'s with "sudo apt-get install firefox-esr", or set FIREFOX_PATH)';

// Every request to another host goes to a proxy on a closed local port and fails at once:
// the test machine is offline, and saved pages point at hundreds of hosts. The local test
// server is reached directly (Firefox never proxies 127.0.0.1).
const OFFLINE_PREFS = {
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.no_proxies_on': '127.0.0.1',
};

/**
 * Launches Firefox (no extension: a side-by-side baseline), with `prefs` added: headless, or
 * with windows on the X display `display` (such as ":3") when one is given.
 */
export function launchFirefox(
  executablePath: string,
  prefs: Record<string, unknown> = {},
  display?: string,
): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: display === undefined,
    ...(display === undefined ? {} : { env: { ...process.env, DISPLAY: display } }),
    extraPrefsFirefox: { ...OFFLINE_PREFS, ...prefs },
    // Without it Firefox 153.8 refuses WebDriver BiDi navigation to moz-extension:// pages
    // ("Navigation … is not allowed in this context"; ../shared/TOOLCHAIN.md).
    args: ['--remote-allow-system-access'],
    // The size the Chromium card tests use. Set here, at launch: Firefox 140's WebDriver BiDi
    // refuses page.setViewport later (it has no emulation.setScreenOrientationOverride).
    defaultViewport: { width: 1000, height: 800 },
    // One stuck call fails its test in seconds instead of taking the suite's whole budget.
    protocolTimeout: 30_000,
  });
}

/**
 * The internal id Firefox gives the extension in the test browser, so that its pages have a
 * known address (`moz-extension://<this>/popup.html`). Firefox picks a random one otherwise.
 */
export const FIREFOX_EXTENSION_UUID = '5f0c2a8e-3b7d-4e51-9c2a-b4c7d1e0a9f3';

/** The add-on's id in a Firefox build (its manifest's gecko id). */
export function firefoxExtensionId(extensionDir = FIREFOX_EXTENSION_DIR): string {
  const manifest = JSON.parse(readFileSync(resolve(extensionDir, 'manifest.json'), 'utf8'));
  return manifest.browser_specific_settings.gecko.id;
}

/**
 * Launches Firefox with the built extension installed, its timing on pages' timelines turned
 * on (see `turnOnPageTimeline`), and `prefs` added, headless unless an
 * X `display` is given. Playwright cannot drive a stock Firefox, so this uses puppeteer-core
 * over WebDriver BiDi (../shared/TOOLCHAIN.md).
 */
export async function launchFirefoxWithExtension(
  executablePath: string,
  extensionDir = FIREFOX_EXTENSION_DIR,
  prefs: Record<string, unknown> = {},
  display?: string,
): Promise<Browser> {
  if (!existsSync(resolve(extensionDir, 'manifest.json')))
    throw new Error(`No Firefox build at ${extensionDir}: run "npm run build:firefox" first.`);
  const browser = await launchFirefox(
    executablePath,
    {
      ...prefs,
      'extensions.webextensions.uuids': JSON.stringify({
        [firefoxExtensionId(extensionDir)]: FIREFOX_EXTENSION_UUID,
      }),
    },
    display,
  );
  try {
    await browser.installExtension(extensionDir);
    await turnOnPageTimeline(browser);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return browser;
}

/**
 * Turns on the content script's timing on pages' timelines, where `firstScanPainted` and the
 * benchmarks look for it; it is off for readers (PAGE_TIMELINE_KEY).
 */
async function turnOnPageTimeline(browser: Browser): Promise<void> {
  const page = await browser.newPage();
  try {
    await openExtensionPage(page, 'popup.html', '[role=tab]');
    await page.evaluate(databaseMade);
    const write: RecordWrite = { store: 'settings', record: { key: PAGE_TIMELINE_KEY, value: true } };
    await page.evaluate(putRecordHere, write);
  } finally {
    await page.close();
  }
}

/**
 * Opens `url` in `page` and waits for `waitUntil`. Firefox 153.8's WebDriver BiDi fails the
 * navigation with "Address rejected" when a frame of the page shows a network-error page,
 * which saved pages with offline ad frames do on this machine at random (cnn, gmw,
 * google-sre-book-1); the page itself loads. Then the top document is awaited instead:
 * at `url`, and parsed (`domcontentloaded`) or loaded (`load`), within 15 s.
 */
export async function openSavedPage(
  page: Page,
  url: string,
  waitUntil: 'domcontentloaded' | 'load',
): Promise<void> {
  try {
    await page.goto(url, { waitUntil });
    return;
  } catch (error) {
    if (!String(error).includes('Address rejected')) throw error;
  }
  const ready = waitUntil === 'load' ? ['complete'] : ['interactive', 'complete'];
  const deadline = Date.now() + 15_000;
  for (;;) {
    const state = await page.evaluate(() => [location.href, document.readyState]).catch(() => undefined);
    if (state && state[0] === url && ready.includes(state[1] as string)) return;
    if (Date.now() > deadline) throw new Error(`${url} did not load within 15 s (at ${state?.join(', ')})`);
    await new Promise((wake) => setTimeout(wake, 100));
  }
}

/**
 * Resolves once the first full scan of `page` is painted (the content script leaves the mark
 * whether or not it found anything); rejects after `timeoutMs`. Polled from here, because
 * puppeteer's waitForFunction fails at once under the test pages' CSP.
 */
export async function firstScanPainted(page: Page, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const painted = () => page.evaluate(() => performance.getEntriesByName('backstory-painted').length > 0);
  while (!(await painted())) {
    if (Date.now() > deadline) throw new Error(`the first scan was not painted within ${timeoutMs} ms`);
    await new Promise((wake) => setTimeout(wake, 100));
  }
}

/**
 * Opens one of the extension's own pages (`popup.html?…`) in `page` and resolves once
 * `ready` (a selector) is in it. Firefox does not report the load of a moz-extension page
 * over WebDriver BiDi, so waiting for the navigation would time out; the page's own content
 * is what is waited for. Polled, not `waitForSelector`: a look that meets the page mid-way
 * through loading fails in Firefox 153.8 with a protocol error ("right-hand side of 'in'
 * should be an object, got null"), which ends puppeteer's wait at once (seen in CI). Asked
 * for once more if it has not come in 10 s; fails after 20 s.
 */
export async function openExtensionPage(page: Page, path: string, ready: string): Promise<void> {
  const url = `moz-extension://${FIREFOX_EXTENSION_UUID}/${path}`;
  page.goto(url).catch(() => undefined);
  const start = Date.now();
  let askedAgain = false;
  for (;;) {
    if (await page.$(ready).catch(() => null)) return;
    const waited = Date.now() - start;
    if (waited > 20_000) throw new Error(`${path}: "${ready}" did not appear within 20 s`);
    if (waited > 10_000 && !askedAgain) {
      askedAgain = true;
      page.goto(url).catch(() => undefined);
    }
    await new Promise((wake) => setTimeout(wake, 100));
  }
}

/**
 * The pixels (RGBA bytes) of `box`, in viewport coordinates, as `page` shows it now. The
 * screenshot is decoded on a blank page of the same browser, not on `page`.
 */
export async function screenPixels(page: Page, box: PaintedBox): Promise<number[]> {
  // The screenshot's clip is in page coordinates, the box in the viewport's.
  const scroll = await page.evaluate(() => ({ x: scrollX, y: scrollY }));
  const { left, top, right, bottom } = box;
  const clip = { x: left + scroll.x, y: top + scroll.y, width: right - left, height: bottom - top };
  const png = await page.screenshot({ clip, encoding: 'base64' });
  const scratch = await page.browser().newPage();
  try {
    return await scratch.evaluate(imagePixels, `data:image/png;base64,${png}`);
  } finally {
    await scratch.close();
  }
}

/**
 * The share of the first painted mention's pixels that are tinted blue (blue above red by 12
 * or more), read from a screenshot: whether the mention is really painted, which no DOM API
 * tells.
 */
export async function mentionTint(page: Page): Promise<number> {
  const [first] = await page.evaluate(readPainted, 'backstory-mention');
  if (!first) throw new Error('no mention is painted');
  return bluishShare(await screenPixels(page, first.box));
}

/** The painted mention texts, in the order they were registered. */
export function mentions(page: Page): Promise<string[]> {
  return page.evaluate(readPainted, 'backstory-mention').then((painted) => painted.map((r) => r.text));
}
