import { resolve } from 'node:path';
import { type BrowserContext, test as base, type Page } from '@playwright/test';
import { type ExtensionBrowser, launchWithExtension } from '../support/launch';
import { readPainted } from '../support/painted-ranges';
import { bluishShare, imagePixels } from '../support/pixels';
import { type StaticServer, startStaticServer } from '../support/static-server';

/** The demo article, served at /demo.html. */
export const DEMO_PAGE = resolve(import.meta.dirname, '../demo/page.html');

type Fixtures = { extension: ExtensionBrowser };
type WorkerFixtures = { server: StaticServer };

/** Playwright test with a Chromium that has the built extension, and a local page server. */
export const test = base.extend<Fixtures, WorkerFixtures>({
  server: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixture's dependencies from this pattern.
    async ({}, use) => {
      const server = await startStaticServer({ '/demo.html': DEMO_PAGE });
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixture's dependencies from this pattern.
  extension: async ({}, use) => {
    const browser = await launchWithExtension();
    await use(browser);
    await browser.close();
  },
});

export const expect = test.expect;

/** The text of every range painted under Backstory's highlight names, in painting order. */
export function paintedMentions(page: Page): Promise<string[]> {
  return page.evaluate(readPainted, 'backstory*').then((painted) => painted.map((range) => range.text));
}

/**
 * A screenshot of the first mention painted as `text` (its box and the few pixels of
 * underline under it), decoded in a blank page of `context`, away from the page's scripts
 * and CSP: its pixels (RGBA bytes) and width.
 */
export async function mentionShot(
  context: BrowserContext,
  page: Page,
  text: string,
): Promise<{ pixels: number[]; width: number }> {
  const painted = (await page.evaluate(readPainted, 'backstory-mention')).find(
    (range) => range.text === text,
  );
  if (!painted) throw new Error(`no mention "${text}" is painted`);
  const { left, top, right, bottom } = painted.box;
  // Whole pixels, so that the image is the clip's size (the device scale factor is 1).
  const x = Math.floor(left);
  const y = Math.floor(top);
  const clip = { x, y, width: Math.ceil(right) - x, height: Math.ceil(bottom) + 6 - y };
  const pixels = await decodePixels(context, await page.screenshot({ clip }));
  if (pixels.length !== clip.width * clip.height * 4)
    throw new Error('the screenshot is not the size of its clip');
  return { pixels, width: clip.width };
}

/** How much of the first mention painted as `text` looks Backstory's blue: 0 when it is not styled. */
export async function mentionBluishShare(context: BrowserContext, page: Page, text: string): Promise<number> {
  return bluishShare((await mentionShot(context, page, text)).pixels);
}

/** The pixels (RGBA bytes) of a PNG screenshot, decoded in a blank page of `context`. */
export async function decodePixels(context: BrowserContext, png: Buffer): Promise<number[]> {
  const blank = await context.newPage();
  try {
    return await blank.evaluate(imagePixels, `data:image/png;base64,${png.toString('base64')}`);
  } finally {
    await blank.close();
  }
}
