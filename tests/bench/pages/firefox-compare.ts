import type { Page } from 'puppeteer-core';
import { launchFirefox, openSavedPage } from '../../support/firefox';
import type { TermCard } from '../../support/load-cards';
import type { StaticServer } from '../../support/static-server';
import type { Compared } from '../scroll/compare';
import { FirefoxRunner } from './firefox-runner';

/** One page measured in Firefox with Backstory and without, as the Firefox benchmarks do it. */
export interface FirefoxComparison<T> {
  firefox: string;
  server: StaticServer;
  pages: readonly { name: string }[];
  cards: TermCard[];
  /** Visits per page in each browser; a page's figures are the median over them. */
  repeat: number;
  /** Preferences for both browsers. */
  prefs?: Record<string, unknown>;
  /** Measures the loaded page in a tab. */
  measure(tab: Page): Promise<T>;
  median(visits: T[]): T;
  /** The figures of a page for the progress line, after its name and mention count. */
  progress(row: Compared<T>): string;
  onVisit(): void;
}

/**
 * The Firefox build with the dictionary in one browser, no extension in another; each page
 * visited `repeat` times in each, alternating, and measured the same way in both.
 */
export async function compareInFirefox<T>(run: FirefoxComparison<T>): Promise<Compared<T>[]> {
  const runner = await FirefoxRunner.open(run.firefox, run.prefs);
  const plain = await launchFirefox(run.firefox, run.prefs);
  try {
    await runner.loadDictionary(run.cards);
    await runner.warmUp(run.server);
    const bare = await plain.newPage();
    const rows: Compared<T>[] = [];
    for (const { name } of run.pages) {
      const withRuns: T[] = [];
      const withoutRuns: T[] = [];
      let mentions = 0;
      for (let round = 0; round < run.repeat; round++) {
        mentions = await runner.visit(run.server.url(`/${name}/`));
        withRuns.push(await run.measure(runner.tab));
        await openSavedPage(bare, run.server.url(`/${name}/`), 'load');
        withoutRuns.push(await run.measure(bare));
        run.onVisit();
      }
      const row = { name, mentions, with: run.median(withRuns), without: run.median(withoutRuns) };
      rows.push(row);
      process.stderr.write(`${name} (Firefox): ${mentions} mentions, ${run.progress(row)}\n`);
    }
    return rows;
  } finally {
    await runner.close();
    await plain.close();
  }
}
