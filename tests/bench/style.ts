/**
 * `npm run bench:style`: what Backstory's highlight stylesheet costs the page's style work.
 * A stylesheet with `::highlight()` rules makes the browser work out the highlight style of
 * every element whenever it computes the element's style. Every corpus page is loaded in a
 * Chromium without the extension, and in one with it, first with no cards (nothing to mark,
 * so only the stylesheet is there) and then with a dictionary of city cards (10,000 by
 * default). For each visit the script reads, over DevTools' `Performance.getMetrics`, the
 * style recalculation time (`RecalcStyleDuration`) from the navigation until one second after
 * the page has loaded and Backstory has painted it, and, from the page's
 * `long-animation-frame` entries, the longest style and layout part of any frame over 50 ms.
 * Prints Markdown tables (progress on stderr). Needs the shared corpus; exits 2 without it.
 *
 * Options: --pages N, --size N (cards), --repeat N (visits per page and condition; each
 * figure is the median), --build DIR (another unpacked build, for an A/B).
 */
import { cpus, loadavg } from 'node:os';
import type { CDPSession, Page } from '@playwright/test';
import { EXTENSION_DIR } from '../support/launch';
import { type FlagSpec, optionsOrExit } from './flags';
import { BackstoryRunner } from './pages/backstory-runner';
import {
  type CorpusPage,
  cityCards,
  cityTerms,
  launchPlainChromium,
  listPages,
  refuseRemote,
  requireCorpusAndBuild,
  servePages,
} from './pages/corpus-pages';
import { median, ms, printTable } from './pages/format';

/** How long after load (and painting) the style work is still counted. */
const SETTLE_MS = 1000;
const FRAMES = '__backstoryBenchFrames';

interface Options {
  pages: number | undefined;
  size: number;
  repeat: number;
  build: string;
}

const FLAGS: FlagSpec<Options> = {
  '--pages': ['pages', 'count'],
  '--size': ['size', 'count'],
  '--repeat': ['repeat', 'count'],
  '--build': ['build', 'dir'],
};

const DEFAULTS: Options = { pages: undefined, size: 10_000, repeat: 2, build: EXTENSION_DIR };

/** One visit's style work. */
interface StyleWork {
  /** Style recalculation, ms, over the whole visit. */
  recalcMs: number;
  /** The longest style and layout part of a frame over 50 ms; 0 when no frame was that long. */
  worstFrameStyleMs: number;
}

/** Keeps the page's long animation frames from the start of each document. */
async function collectFrames(tab: Page): Promise<void> {
  await tab.addInitScript((key) => {
    const frames: { start: number; styleAndLayout: number }[] = [];
    (globalThis as unknown as Record<string, unknown>)[key] = frames;
    try {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { styleAndLayoutStart: number })[])
          frames.push({
            start: entry.startTime,
            styleAndLayout:
              entry.styleAndLayoutStart > 0
                ? entry.startTime + entry.duration - entry.styleAndLayoutStart
                : 0,
          });
      }).observe({ type: 'long-animation-frame', buffered: true });
    } catch {
      // No long animation frames in this browser: the column stays 0.
    }
  }, FRAMES);
}

async function recalcMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((metric) => metric.name === 'RecalcStyleDuration')?.value ?? 0) * 1000;
}

/**
 * Waits for load and the settling time, then reads the visit's style work. Chromium counts it
 * per document: every navigation, same-site ones too, starts the count again (checked).
 */
async function styleWork(tab: Page, cdp: CDPSession): Promise<StyleWork> {
  await tab.waitForLoadState('load');
  await tab.waitForTimeout(SETTLE_MS);
  const frames = await tab.evaluate(
    (key) => (globalThis as unknown as Record<string, { styleAndLayout: number }[]>)[key] ?? [],
    FRAMES,
  );
  return {
    recalcMs: await recalcMs(cdp),
    worstFrameStyleMs: Math.max(0, ...frames.map((frame) => frame.styleAndLayout)),
  };
}

/** Median of each figure over the visits. */
function medianWork(visits: StyleWork[]): StyleWork {
  return {
    recalcMs: median(visits.map((visit) => visit.recalcMs)),
    worstFrameStyleMs: median(visits.map((visit) => visit.worstFrameStyleMs)),
  };
}

interface Row {
  name: string;
  without: StyleWork;
  noCards: StyleWork;
  cards: StyleWork;
  mentions: number;
}

async function main(): Promise<void> {
  const options = optionsOrExit(process.argv.slice(2), DEFAULTS, FLAGS);
  const corpus = requireCorpusAndBuild('bench:style', options.build);
  const pages = listPages(corpus, options.pages);
  const server = await servePages(corpus, pages);
  const runner = await BackstoryRunner.open(server, options.build);
  const plain = await launchPlainChromium();
  const loads: number[] = [];
  const without = new Map<string, StyleWork[]>();
  const noCards = new Map<string, StyleWork[]>();
  const cards = new Map<string, StyleWork[]>();
  const mentions = new Map<string, number>();
  try {
    const plainTab = await plain.newPage();
    await refuseRemote(plainTab);
    await collectFrames(plainTab);
    const plainCdp = await plainTab.context().newCDPSession(plainTab);
    await plainCdp.send('Performance.enable');
    const tab = await runner.loadedTab();
    await collectFrames(tab);
    const cdp = await runner.cdpSession();
    await cdp.send('Performance.enable');

    const visitPlain = async (page: CorpusPage) => {
      await plainTab.goto(server.url(`/${page.name}/`), { waitUntil: 'domcontentloaded' });
      push(without, page.name, await styleWork(plainTab, plainCdp));
    };
    const visitBackstory = async (page: CorpusPage, into: Map<string, StyleWork[]>) => {
      const figures = await runner.visit(page.name);
      mentions.set(page.name, figures.mentions);
      push(into, page.name, await styleWork(tab, cdp));
    };

    for (const [size, into] of [
      [0, noCards],
      [options.size, cards],
    ] as const) {
      await runner.loadDictionary(cityCards(cityTerms(corpus, size)));
      await runner.warmUp();
      for (const page of pages) {
        for (let round = 0; round < options.repeat; round++) {
          // Alternated visit by visit, so a busy moment on the machine falls on both.
          await visitBackstory(page, into);
          await visitPlain(page);
          loads.push(loadavg()[0] ?? 0);
        }
        process.stderr.write(
          `${page.name}, ${size} cards: ${ms(median(recalcs(into, page.name)))} ms style work with Backstory, ${ms(median(recalcs(without, page.name)))} without\n`,
        );
      }
    }
  } finally {
    await plain.close();
    await runner.close();
    await server.close();
  }
  const rows: Row[] = pages.map((page) => ({
    name: page.name,
    without: medianWork(without.get(page.name) ?? []),
    noCards: medianWork(noCards.get(page.name) ?? []),
    cards: medianWork(cards.get(page.name) ?? []),
    mentions: mentions.get(page.name) ?? 0,
  }));
  report(rows, options, loads);
}

function push(into: Map<string, StyleWork[]>, name: string, work: StyleWork): void {
  into.set(name, [...(into.get(name) ?? []), work]);
}

function recalcs(from: Map<string, StyleWork[]>, name: string): number[] {
  return (from.get(name) ?? []).map((work) => work.recalcMs);
}

function report(rows: Row[], options: Options, loads: number[]): void {
  const size = options.size.toLocaleString('en-US');
  console.log("# Backstory and the page's style work (npm run bench:style)\n");
  console.log(
    `${new Date().toISOString()}, build ${options.build}, ${rows.length} pages, ${options.repeat} visit(s) per page and condition (medians), ${cpus().length} cores, load median ${median(loads).toFixed(1)}. Style work counted from the navigation to ${SETTLE_MS} ms after load and painting.\n`,
  );
  printTable(
    'Every page',
    [
      'page',
      'mentions',
      'style ms without Backstory',
      'with, no cards',
      `with, ${size} cards`,
      'worst frame style ms without',
      'with, no cards',
      `with, ${size} cards`,
    ],
    rows.map((row) => [
      row.name,
      String(row.mentions),
      ms(row.without.recalcMs),
      ms(row.noCards.recalcMs),
      ms(row.cards.recalcMs),
      ms(row.without.worstFrameStyleMs),
      ms(row.noCards.worstFrameStyleMs),
      ms(row.cards.worstFrameStyleMs),
    ]),
  );
  const total = (pick: (row: Row) => number) => rows.reduce((sum, row) => sum + pick(row), 0);
  const extra = (pick: (row: Row) => number) => median(rows.map((row) => pick(row) - row.without.recalcMs));
  const over50 = (pick: (row: Row) => number) => rows.filter((row) => pick(row) > 50).length;
  printTable(
    'Summary: medians, totals and worst pages',
    [
      'condition',
      'median style ms',
      'median more than without',
      'total style ms',
      'worst frame style ms',
      'pages with a frame whose style part is over 50 ms',
    ],
    (
      [
        ['without Backstory', (row: Row) => row.without],
        ['with Backstory, no cards', (row: Row) => row.noCards],
        [`with Backstory, ${size} cards`, (row: Row) => row.cards],
      ] as const
    ).map(([label, work]) => {
      const worst = rows.reduce((top, row) =>
        work(row).worstFrameStyleMs > work(top).worstFrameStyleMs ? row : top,
      );
      return [
        label,
        ms(median(rows.map((row) => work(row).recalcMs))),
        ms(extra((row) => work(row).recalcMs)),
        ms(total((row) => work(row).recalcMs)),
        `${ms(work(worst).worstFrameStyleMs)} (${worst.name})`,
        String(over50((row) => work(row).worstFrameStyleMs)),
      ];
    }),
  );
}

await main();
