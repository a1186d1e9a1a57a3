import type { Page } from '@playwright/test';
import type { TermCard } from '../../support/load-cards';
import type { StaticServer } from '../../support/static-server';
import { startXDisplay } from '../../support/x-display';
import { BackstoryRunner } from '../pages/backstory-runner';
import { launchPlainChromium, refuseRemote } from '../pages/corpus-pages';
import { median, ms, printTable } from '../pages/format';
import { type Compared, DIFFERENCE_COLUMNS, differenceRow, printPages } from './compare';

/** How long after load (and painting) the scroll starts, as in the headless run. */
const SETTLE_MS = 500;

/** What a steady scroll through a page looked like in a window. */
export interface WindowFrames {
  /** Frames drawn while the page moved. */
  frames: number;
  /** Frames the display had time for and did not get: a gap of n frame times drops n − 1. */
  dropped: number;
  /** The longest gap between two frames, ms. */
  longest: number;
}

/**
 * Runs in the page: scrolls down steadily, a thirtieth of the window each frame (two windows
 * a second at 60 Hz), until the end of the page or `maxMs`, and counts the frames it got
 * against the 60 the display asks for each second. The scroll is the script's, so every
 * frame has new text to paint; a reader's wheel scroll may be drawn off the main thread.
 * No named inner function: tsx would name it with a helper the page lacks.
 */
export async function scrollFrames(maxMs: number): Promise<WindowFrames> {
  const frameMs = 1000 / 60;
  const stepPx = Math.max(1, Math.round(innerHeight / 30));
  const started = await new Promise<number>((done) => requestAnimationFrame(done));
  let last = started;
  let frames = 0;
  let dropped = 0;
  let longest = 0;
  for (;;) {
    const before = scrollY;
    window.scrollBy({ top: stepPx, behavior: 'instant' });
    const now = await new Promise<number>((done) => requestAnimationFrame(done));
    const gap = now - last;
    last = now;
    if (scrollY === before) break;
    frames++;
    dropped += Math.max(0, Math.round(gap / frameMs) - 1);
    longest = Math.max(longest, gap);
    if (now - started > maxMs) break;
  }
  return { frames, dropped, longest };
}

type WindowRow = Compared<WindowFrames>;

function medianFrames(visits: WindowFrames[]): WindowFrames {
  return {
    frames: median(visits.map((v) => v.frames)),
    dropped: median(visits.map((v) => v.dropped)),
    longest: median(visits.map((v) => v.longest)),
  };
}

async function settleAndScroll(tab: Page, maxMs: number): Promise<WindowFrames> {
  await tab.waitForLoadState('load');
  await tab.waitForTimeout(SETTLE_MS);
  return tab.evaluate(scrollFrames, maxMs);
}

/**
 * bench:scroll in windows (`--window`): Chromium with Backstory and one without, each with
 * a window on a private X display (Xvfb), visits alternating. Headless Chromium draws no
 * frames on a display; these do, at its 60 a second, so a frame that takes too long shows
 * as one the display did not get.
 */
export async function windowScrollRows(
  server: StaticServer,
  pages: readonly { name: string }[],
  cards: TermCard[],
  options: { repeat: number; build: string; seconds: number },
  onVisit: () => void,
): Promise<WindowRow[]> {
  const x = await startXDisplay();
  const runner = await BackstoryRunner.open(server, options.build, x.display);
  const plain = await launchPlainChromium(x.display);
  try {
    await runner.loadDictionary(cards);
    await runner.warmUp();
    const tab = await runner.loadedTab();
    const bare = await plain.newPage();
    await refuseRemote(bare);
    const rows: WindowRow[] = [];
    for (const { name } of pages) {
      const withRuns: WindowFrames[] = [];
      const withoutRuns: WindowFrames[] = [];
      let mentions = 0;
      for (let round = 0; round < options.repeat; round++) {
        mentions = (await runner.visit(name)).mentions;
        withRuns.push(await settleAndScroll(tab, options.seconds * 1000));
        await bare.goto(server.url(`/${name}/`), { waitUntil: 'domcontentloaded' });
        withoutRuns.push(await settleAndScroll(bare, options.seconds * 1000));
        onVisit();
      }
      const row = { name, mentions, with: medianFrames(withRuns), without: medianFrames(withoutRuns) };
      rows.push(row);
      process.stderr.write(
        `${name} (window): ${mentions} mentions, ${row.with.dropped} of ${row.with.frames + row.with.dropped} frames dropped with Backstory, ${row.without.dropped} of ${row.without.frames + row.without.dropped} without\n`,
      );
    }
    return rows;
  } finally {
    await plain.close();
    await runner.close();
    await x.close();
  }
}

/** Prints the windowed run's tables. */
export function reportWindow(rows: WindowRow[], heading: string): void {
  console.log(heading);
  printPages(
    'Every page (a window at 60 frames a second)',
    rows,
    ['frames asked for', (row) => String(row.without.frames + row.without.dropped)],
    [
      ['frames dropped', (f) => String(f.dropped)],
      ['longest frame ms', (f) => ms(f.longest)],
    ],
  );
  const share = (side: 'with' | 'without') => {
    const dropped = rows.reduce((sum, row) => sum + row[side].dropped, 0);
    const asked = rows.reduce((sum, row) => sum + row[side].frames + row[side].dropped, 0);
    return `${dropped} of ${asked} (${asked === 0 ? '–' : ((100 * dropped) / asked).toFixed(1)}%)`;
  };
  printTable(
    'Summary (window): what Backstory adds over the scroll (with minus without, per page)',
    [...DIFFERENCE_COLUMNS.slice(0, -2), 'all pages without', 'with'],
    [
      differenceRow(rows, 'frames dropped', (f) => f.dropped, [share('without'), share('with')]),
      differenceRow(rows, 'longest frame ms', (f) => f.longest),
    ],
  );
}
