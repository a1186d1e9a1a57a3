import type { Browser, Page } from 'puppeteer-core';
import {
  FIREFOX_EXTENSION_DIR,
  findFirefox,
  firstScanPainted,
  launchFirefoxWithExtension,
  NO_FIREFOX,
  openExtensionPage,
  openSavedPage,
} from '../../support/firefox';
import { clearCardsHere, loadCardsHere, type TermCard } from '../../support/load-cards';
import type { StaticServer } from '../../support/static-server';
import { WARMUP_PATH } from './corpus-pages';

/** How long the first scan after a dictionary was loaded may take (the matcher is built then). */
const COLD_PAINT_MS = 180_000;

/** The Firefox to run a benchmark in; without one, says so and exits with status 2. */
export function requireFirefox(): string {
  const firefox = findFirefox();
  if (!firefox) {
    console.error(NO_FIREFOX);
    process.exit(2);
  }
  return firefox;
}

/**
 * Firefox with the Firefox build and one tab, for the benchmarks that compare a page in
 * Firefox with and without Backstory (as BackstoryRunner does in Chromium). Firefox has no
 * DevTools protocol here: what is timed is timed in the page.
 */
export class FirefoxRunner {
  private constructor(
    readonly browser: Browser,
    /** The tab every visit loads its page in. */
    readonly tab: Page,
  ) {}

  /** Launches Firefox (`firefox` is its executable) with the build installed and `prefs` added. */
  static async open(firefox: string, prefs: Record<string, unknown> = {}): Promise<FirefoxRunner> {
    const browser = await launchFirefoxWithExtension(firefox, FIREFOX_EXTENSION_DIR, prefs);
    try {
      return new FirefoxRunner(browser, await browser.newPage());
    } catch (error) {
      await browser.close();
      throw error;
    }
  }

  /** Replaces every card (the seeds too) with `cards`, from an extension page. */
  async loadDictionary(cards: TermCard[]): Promise<void> {
    const page = await this.browser.newPage();
    await openExtensionPage(page, 'popup.html', '[role=tab]');
    await page.evaluate(clearCardsHere);
    await page.evaluate(loadCardsHere, cards);
    await page.close();
  }

  /** Reads the warm-up page once, so the matcher is built before pages are timed. */
  async warmUp(server: StaticServer): Promise<void> {
    await this.tab.goto(server.url(WARMUP_PATH), { waitUntil: 'load' });
    await firstScanPainted(this.tab, COLD_PAINT_MS);
  }

  /** Loads a page in the tab, waits for its first scan to be painted, and counts the mentions. */
  async visit(url: string): Promise<number> {
    await openSavedPage(this.tab, url, 'load');
    await firstScanPainted(this.tab);
    return this.tab.evaluate(() => CSS.highlights.get('backstory-mention')?.size ?? 0);
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}
