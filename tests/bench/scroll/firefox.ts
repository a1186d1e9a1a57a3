import type { TermCard } from '../../support/load-cards';
import type { StaticServer } from '../../support/static-server';
import { compareInFirefox } from '../pages/firefox-compare';
import type { FirefoxRunner } from '../pages/firefox-runner';
import { median, ms, printTable } from '../pages/format';
import { type Compared, DIFFERENCE_COLUMNS, differenceRow, printPages, sums } from './compare';
import { type ScrollSteps, scrollThrough } from './scroll-through';

/**
 * Firefox draws frames at most 60 times a second here, so a step's time is mostly waiting
 * for the next one (about 33 ms for two frames, with or without work to do). With no cap,
 * frames come as soon as the last is done: two idle frames then take 1 to 6 ms, and the
 * time over the scroll is what making its frames cost (scratch run, session 14).
 */
const UNCAPPED_FRAMES = { 'layout.frame_rate': 1000 };

/** How long after load (and painting) the scroll starts, as in the Chromium run. */
const SETTLE_MS = 500;

type FirefoxScrollRow = Compared<ScrollSteps>;

function medianSteps(visits: ScrollSteps[]): ScrollSteps {
  return {
    steps: median(visits.map((v) => v.steps)),
    worstStep: median(visits.map((v) => v.worstStep)),
    allSteps: median(visits.map((v) => v.allSteps)),
  };
}

async function settleAndScroll(page: FirefoxRunner['tab'], maxSteps: number): Promise<ScrollSteps> {
  await new Promise((done) => setTimeout(done, SETTLE_MS));
  return page.evaluate(scrollThrough, maxSteps);
}

/**
 * bench:scroll in Firefox (`--firefox`): the Firefox build with the dictionary in one
 * browser, no extension in another, both with frames uncapped; each page visited `repeat`
 * times in each, alternating. Firefox has no DevTools metrics here, so what is measured is
 * the time to scroll through the page in the page's own clock (whole milliseconds in
 * Firefox): the work of making the frames, on whichever thread Firefox does it.
 */
export async function firefoxScrollRows(
  firefox: string,
  server: StaticServer,
  pages: readonly { name: string }[],
  cards: TermCard[],
  options: { repeat: number; steps: number },
  onVisit: () => void,
): Promise<FirefoxScrollRow[]> {
  return compareInFirefox({
    firefox,
    server,
    pages,
    cards,
    repeat: options.repeat,
    prefs: UNCAPPED_FRAMES,
    measure: (tab) => settleAndScroll(tab, options.steps),
    median: medianSteps,
    progress: (row) =>
      `scroll ${ms(row.with.allSteps)} ms with Backstory, ${ms(row.without.allSteps)} ms without`,
    onVisit,
  });
}

/** Prints the Firefox run's tables. */
export function reportFirefox(rows: FirefoxScrollRow[], heading: string): void {
  console.log(heading);
  printPages(
    'Every page (Firefox, frames uncapped)',
    rows,
    ['steps', (row) => String(row.with.steps)],
    [
      ['scroll ms', (s) => ms(s.allSteps)],
      ['longest step ms', (s) => ms(s.worstStep)],
    ],
  );
  printTable(
    'Summary (Firefox): what Backstory adds over the scroll (with minus without, per page)',
    DIFFERENCE_COLUMNS,
    [
      differenceRow(
        rows,
        'scroll ms',
        (s) => s.allSteps,
        sums(rows, (s) => s.allSteps),
      ),
      differenceRow(rows, 'longest step ms', (s) => s.worstStep),
    ],
  );
}
