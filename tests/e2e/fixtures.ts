import { resolve } from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { type ExtensionBrowser, launchWithExtension } from '../support/launch';
import { readPainted } from '../support/painted-ranges';
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
