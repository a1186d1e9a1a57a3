/**
 * `npm run bench:scroll`: what Backstory's painted mentions cost a reader who scrolls. The
 * browser draws a custom highlight while it paints the text under it, so every frame that
 * shows a mention does a little more work; the content script also hears every scroll (it
 * checks it is still wanted, see entrypoints/content/index.ts), and text a page adds while
 * being scrolled is read. Every corpus page is loaded in a Chromium without the extension
 * and in one with it and a dictionary of city cards (10,000 by default). Once the page has
 * loaded and Backstory has painted it, the page is scrolled down by 80% of the window at a
 * time, two animation frames per step, to its end or at most --steps steps. Over that
 * scroll the script reads DevTools' `Performance.getMetrics`: the main thread's task time
 * (`TaskDuration`), and of it script, layout and style; the rest is mostly painting. It also
 * keeps the longest step (scroll to the second frame after it). Prints Markdown tables
 * (progress on stderr). Needs the shared corpus; exits 2 without it.
 *
 * Options: --pages N, --only NAME,NAME (those pages only), --size N (cards), --repeat N
 * (visits per page and condition; each figure is the median), --steps N, --build DIR
 * (another unpacked build, for an A/B), --firefox (the same scroll in Firefox with its
 * build, .output/firefox-mv2, timed in the page; see scroll/firefox.ts), --window (both
 * Chromiums with windows on a private X display, a steady scroll of at most --seconds S,
 * counting the frames the display did not get; needs Xvfb and xdotool, see scroll/window.ts).
 */
import { cpus, loadavg } from 'node:os';
import type { CDPSession, Page } from '@playwright/test';
import { FIREFOX_EXTENSION_DIR } from '../support/firefox';
import { EXTENSION_DIR } from '../support/launch';
import { missingXTools } from '../support/x-display';
import { type FlagSpec, optionsOrExit } from './flags';
import { BackstoryRunner } from './pages/backstory-runner';
import {
  cityCards,
  cityTerms,
  launchPlainChromium,
  listPages,
  refuseRemote,
  requireCorpusAndBuild,
  servePages,
} from './pages/corpus-pages';
import { requireFirefox } from './pages/firefox-runner';
import { median, ms, printTable } from './pages/format';
import { type Compared, DIFFERENCE_COLUMNS, differenceRow, printPages, sums } from './scroll/compare';
import { firefoxScrollRows, reportFirefox } from './scroll/firefox';
import { scrollThrough } from './scroll/scroll-through';
import { reportWindow, windowScrollRows } from './scroll/window';

/** How long after load (and painting) the scroll starts, so late loading work is done. */
const SETTLE_MS = 500;

interface Options {
  pages: number | undefined;
  /** Only these pages (by name), when given. */
  only: string[] | undefined;
  size: number;
  repeat: number;
  steps: number;
  build: string;
  firefox: boolean;
  /** Scroll in real windows on a private X display and count dropped frames (--window). */
  window: boolean;
  /** With --window: how long each scroll may last, s. */
  seconds: number;
}

const FLAGS: FlagSpec<Options> = {
  '--pages': ['pages', 'count'],
  '--only': ['only', 'names'],
  '--size': ['size', 'count'],
  '--repeat': ['repeat', 'count'],
  '--steps': ['steps', 'count'],
  '--build': ['build', 'dir'],
  '--firefox': ['firefox', 'on'],
  '--window': ['window', 'on'],
  '--seconds': ['seconds', 'count'],
};

const DEFAULTS: Options = {
  pages: undefined,
  only: undefined,
  size: 10_000,
  repeat: 2,
  steps: 25,
  build: EXTENSION_DIR,
  firefox: false,
  window: false,
  seconds: 3,
};

/** The main thread's work over one scroll through a page, ms. */
interface ScrollWork {
  task: number;
  script: number;
  layout: number;
  style: number;
  /** Scroll steps taken. */
  steps: number;
  /** The longest step, from the scroll to the second frame after it. */
  worstStep: number;
}

const METRICS = {
  task: 'TaskDuration',
  script: 'ScriptDuration',
  layout: 'LayoutDuration',
  style: 'RecalcStyleDuration',
} as const;

type Totals = Record<keyof typeof METRICS, number>;

async function totals(cdp: CDPSession): Promise<Totals> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const read = (name: string) => (metrics.find((metric) => metric.name === name)?.value ?? 0) * 1000;
  return {
    task: read(METRICS.task),
    script: read(METRICS.script),
    layout: read(METRICS.layout),
    style: read(METRICS.style),
  };
}

/** Waits for load and the settling time, scrolls the page through, and returns the work. */
async function scrollWork(tab: Page, cdp: CDPSession, maxSteps: number): Promise<ScrollWork> {
  await tab.waitForLoadState('load');
  await tab.waitForTimeout(SETTLE_MS);
  const before = await totals(cdp);
  const { steps, worstStep } = await tab.evaluate(scrollThrough, maxSteps);
  const after = await totals(cdp);
  return {
    task: after.task - before.task,
    script: after.script - before.script,
    layout: after.layout - before.layout,
    style: after.style - before.style,
    steps,
    worstStep,
  };
}

/** What is left of the task time once script, layout and style are taken out: mostly painting. */
function rest(work: ScrollWork): number {
  return work.task - work.script - work.layout - work.style;
}

function medianWork(visits: ScrollWork[]): ScrollWork {
  const of = (pick: (work: ScrollWork) => number) => median(visits.map(pick));
  return {
    task: of((w) => w.task),
    script: of((w) => w.script),
    layout: of((w) => w.layout),
    style: of((w) => w.style),
    steps: of((w) => w.steps),
    worstStep: of((w) => w.worstStep),
  };
}

type Row = Compared<ScrollWork>;

async function main(): Promise<void> {
  const options = optionsOrExit(process.argv.slice(2), DEFAULTS, FLAGS);
  const corpus = options.firefox
    ? requireCorpusAndBuild('bench:scroll', FIREFOX_EXTENSION_DIR, 'npx wxt build -b firefox')
    : requireCorpusAndBuild('bench:scroll', options.build);
  const pages = listPages(corpus, options.pages).filter(
    (page) => !options.only || options.only.includes(page.name),
  );
  const server = await servePages(corpus, pages);
  if (options.firefox) {
    const firefox = requireFirefox();
    const loads: number[] = [];
    const cards = cityCards(cityTerms(corpus, options.size));
    const rows = await firefoxScrollRows(firefox, server, pages, cards, options, () =>
      loads.push(loadavg()[0] ?? 0),
    ).finally(() => server.close());
    reportFirefox(
      rows,
      heading(rows.length, { ...options, build: 'Firefox 140 ESR, .output/firefox-mv2' }, loads),
    );
    return;
  }
  if (options.window) {
    const missing = missingXTools();
    if (missing) {
      console.error(`bench:scroll --window ${missing}`);
      process.exit(2);
    }
    const loads: number[] = [];
    const cards = cityCards(cityTerms(corpus, options.size));
    const rows = await windowScrollRows(server, pages, cards, options, () =>
      loads.push(loadavg()[0] ?? 0),
    ).finally(() => server.close());
    reportWindow(rows, heading(rows.length, options, loads));
    return;
  }
  const runner = await BackstoryRunner.open(server, options.build);
  const plain = await launchPlainChromium();
  const loads: number[] = [];
  const rows: Row[] = [];
  try {
    const plainTab = await plain.newPage();
    await refuseRemote(plainTab);
    const plainCdp = await plainTab.context().newCDPSession(plainTab);
    await plainCdp.send('Performance.enable');
    const tab = await runner.loadedTab();
    const cdp = await runner.cdpSession();
    await cdp.send('Performance.enable');
    await runner.loadDictionary(cityCards(cityTerms(corpus, options.size)));
    await runner.warmUp();

    for (const page of pages) {
      const without: ScrollWork[] = [];
      const withBackstory: ScrollWork[] = [];
      let mentions = 0;
      for (let round = 0; round < options.repeat; round++) {
        // Alternated visit by visit, so a busy moment on the machine falls on both.
        mentions = (await runner.visit(page.name)).mentions;
        withBackstory.push(await scrollWork(tab, cdp, options.steps));
        await plainTab.goto(server.url(`/${page.name}/`), { waitUntil: 'domcontentloaded' });
        without.push(await scrollWork(plainTab, plainCdp, options.steps));
        loads.push(loadavg()[0] ?? 0);
      }
      const row = {
        name: page.name,
        without: medianWork(without),
        with: medianWork(withBackstory),
        mentions,
      };
      rows.push(row);
      process.stderr.write(
        `${page.name}: ${ms(row.with.task)} ms main thread over the scroll with Backstory, ${ms(row.without.task)} without\n`,
      );
    }
  } finally {
    await plain.close();
    await runner.close();
    await server.close();
  }
  report(rows, options, loads);
}

/** The title and the line that says what was run, where, and how busy the machine was. */
function heading(pages: number, options: Options, loads: number[]): string {
  const size = options.size.toLocaleString('en-US');
  const scroll = options.window
    ? `a steady scroll in a window on an X display for at most ${options.seconds} s`
    : `at most ${options.steps} steps of 80% of the window`;
  return `# Backstory and scrolling (npm run bench:scroll)\n\n${new Date().toISOString()}, build ${options.build}, ${pages} pages, ${size} cards, ${options.repeat} visit(s) per page and condition (medians), ${scroll}, ${cpus().length} cores, load median ${median(loads).toFixed(1)}.\n`;
}

function report(rows: Row[], options: Options, loads: number[]): void {
  console.log(heading(rows.length, options, loads));
  printPages(
    'Every page',
    rows,
    ['steps', (row) => String(row.with.steps)],
    [
      ['main-thread ms', (w) => ms(w.task)],
      ['script ms', (w) => ms(w.script)],
      ['other than script, layout, style ms', (w) => ms(rest(w))],
      ['longest step ms', (w) => ms(w.worstStep)],
    ],
  );
  const figures: [string, (work: ScrollWork) => number][] = [
    ['main-thread ms', (w) => w.task],
    ['script ms', (w) => w.script],
    ['layout and style ms', (w) => w.layout + w.style],
    ['other ms (mostly painting)', rest],
  ];
  printTable(
    'Summary: what Backstory adds over the scroll (with minus without, per page)',
    DIFFERENCE_COLUMNS,
    [
      ...figures.map(([label, pick]) => differenceRow(rows, label, pick, sums(rows, pick))),
      // A sum of longest steps means nothing: that row has no totals.
      differenceRow(rows, 'longest step ms', (w) => w.worstStep),
    ],
  );
}

await main();
