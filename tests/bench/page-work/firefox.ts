import type { TermCard } from '../../support/load-cards';
import type { StaticServer } from '../../support/static-server';
import { compareInFirefox } from '../pages/firefox-compare';
import { ms } from '../pages/format';
import { medianTimes, type PageRow, total } from './rows';
import { doPageWork, type WorkRounds } from './work';

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
  return compareInFirefox({
    firefox,
    server,
    pages,
    cards,
    repeat,
    measure: (tab) => tab.evaluate(doPageWork, rounds),
    median: medianTimes,
    progress: (row) =>
      `page work ${ms(total(row.with))} ms with Backstory, ${ms(total(row.without))} ms without`,
    onVisit,
  });
}
