import type { Browser } from 'puppeteer-core';
import { findFirefox, launchFirefoxWithExtension, NO_FIREFOX } from '../support/firefox';
import { type StaticServer, startStaticServer } from '../support/static-server';
import { test } from './fixtures';

/** What a Firefox spec file shares between its tests; set before its first test runs. */
export interface FirefoxSuite {
  browser: Browser;
  pages: StaticServer;
}

/**
 * One Firefox with the add-on for the calling spec file, and a static server with `routes`,
 * started before its first test and closed after its last; each test opens its own tabs.
 * Firefox starts with `prefs` added; `server` options go to the static server (page scripts
 * on, say). The file is skipped, with a message saying why, where no Firefox is found.
 */
export function useFirefoxSuite(
  routes: Parameters<typeof startStaticServer>[0],
  prefs: Record<string, unknown> = {},
  server: Parameters<typeof startStaticServer>[1] = {},
): FirefoxSuite {
  const firefox = findFirefox();
  test.skip(!firefox, NO_FIREFOX);
  const suite = {} as FirefoxSuite;
  test.beforeAll(async () => {
    suite.pages = await startStaticServer(routes, server);
    suite.browser = await launchFirefoxWithExtension(firefox as string, undefined, prefs);
  });
  test.afterAll(async () => {
    await suite.browser?.close();
    await suite.pages?.close();
  });
  return suite;
}
