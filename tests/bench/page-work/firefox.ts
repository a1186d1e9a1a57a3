import type { Browser, Page } from 'puppeteer-core';
import {
  FIREFOX_EXTENSION_DIR,
  firstScanPainted,
  launchFirefox,
  launchFirefoxWithExtension,
  openExtensionPage,
} from '../../support/firefox';
import { clearCardsHere, loadCardsHere, type TermCard } from '../../support/load-cards';
import type { StaticServer } from '../../support/static-server';
import { WARMUP_PATH } from '../pages/corpus-pages';
import { ms } from '../pages/format';
import { medianTimes, type PageRow, total } from './rows';
import { doPageWork, type WorkRounds, type WorkTimes } from './work';

/** How long the first scan after a dictionary was loaded may take (the matcher is built then). */
const COLD_PAINT_MS = 180_000;

/**
 * The page work of bench:page-work in Firefox (`--firefox`): the Firefox build with the
 * dictionary in one browser, no extension in another, each page visited `repeat` times in
 * each. Firefox has no DevTools protocol here, so the ticking clock, which reads CDP's
 * script time, is left to Chromium.
 */
export async function firefoxPageRows(
  firefox: string,
  server: StaticServer,
  pages: readonly { name: string }[],
  cards: TermCard[],
  rounds: WorkRounds,
  repeat: number,
  onVisit: () => void,
): Promise<PageRow[]> {
  const withExtension = await launchFirefoxWithExtension(firefox, FIREFOX_EXTENSION_DIR);
  const plain = await launchFirefox(firefox);
  try {
    await loadDictionary(withExtension, cards);
    const tab = await withExtension.newPage();
    const bare = await plain.newPage();
    await tab.goto(server.url(WARMUP_PATH), { waitUntil: 'load' });
    await firstScanPainted(tab, COLD_PAINT_MS);
    const rows: PageRow[] = [];
    for (const { name } of pages) {
      const withRuns: WorkTimes[] = [];
      const withoutRuns: WorkTimes[] = [];
      let mentions = 0;
      for (let round = 0; round < repeat; round++) {
        mentions = await visit(tab, server.url(`/${name}/`));
        withRuns.push(await tab.evaluate(doPageWork, rounds));
        await bare.goto(server.url(`/${name}/`), { waitUntil: 'load' });
        withoutRuns.push(await bare.evaluate(doPageWork, rounds));
        onVisit();
      }
      const row = { name, mentions, with: medianTimes(withRuns), without: medianTimes(withoutRuns) };
      rows.push(row);
      process.stderr.write(
        `${name} (Firefox): ${mentions} mentions, page work ${ms(total(row.with))} ms with Backstory, ${ms(total(row.without))} ms without\n`,
      );
    }
    return rows;
  } finally {
    await withExtension.close();
    await plain.close();
  }
}

/** Replaces every card (the seeds too) with `cards`, from an extension page. */
async function loadDictionary(browser: Browser, cards: TermCard[]): Promise<void> {
  const page = await browser.newPage();
  await openExtensionPage(page, 'popup.html', '[role=tab]');
  await page.evaluate(clearCardsHere);
  await page.evaluate(loadCardsHere, cards);
  await page.close();
}

/** Loads a page, waits for its first scan to be painted, and counts the mentions. */
async function visit(tab: Page, url: string): Promise<number> {
  await tab.goto(url, { waitUntil: 'load' });
  await firstScanPainted(tab);
  return tab.evaluate(() => CSS.highlights.get('backstory-mention')?.size ?? 0);
}
