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
 * How much of the first mention painted as `text` looks Backstory's blue in a screenshot (its
 * box and the few pixels of underline under it): 0 when it is not styled at all. The image is
 * decoded in a blank page of `context`, away from the page's scripts and CSP.
 */
export async function mentionBluishShare(context: BrowserContext, page: Page, text: string): Promise<number> {
  const painted = (await page.evaluate(readPainted, 'backstory-mention')).find(
    (range) => range.text === text,
  );
  if (!painted) throw new Error(`no mention "${text}" is painted`);
  const { left, top, right, bottom } = painted.box;
  const shot = await page.screenshot({
    clip: { x: left, y: top, width: right - left, height: bottom - top + 6 },
  });
  return bluishShare(await decodePixels(context, shot));
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
