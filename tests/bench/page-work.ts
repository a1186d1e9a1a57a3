/**
 * `npm run bench:page-work`: what Backstory costs the page's own scripts once it has painted
 * a page. Every corpus page is loaded in a Chromium with the built extension and a
 * dictionary of city cards (100,000 by default), and, after the first scan is painted, the
 * page does a fixed amount of DOM work in its main world (tests/bench/page-work/work.ts).
 * The same work is timed on the same page in a Chromium without the extension. Prints
 * Markdown tables (progress on stderr). Needs the shared corpus; exits 2 without it.
 *
 * Options: --pages N, --size N (cards), --repeat N (visits per page; each figure is the
 * median), --build DIR (another unpacked build to load, for an A/B), --tick-pages N, and
 * --firefox (the page work in Firefox with its build, .output/firefox-mv2; no clock there).
 */
import { cpus, loadavg } from 'node:os';
import type { CDPSession, Page } from '@playwright/test';
import { FIREFOX_EXTENSION_DIR } from '../support/firefox';
import { EXTENSION_DIR } from '../support/launch';
import { type FlagSpec, optionsOrExit } from './flags';
import { firefoxPageRows } from './page-work/firefox';
import { medianTimes, type PageRow, total } from './page-work/rows';
import { doPageWork, startTicking, stopTicking, type WorkRounds, type WorkTimes } from './page-work/work';
import { BackstoryRunner } from './pages/backstory-runner';
import {
  cityCards,
  cityTerms,
  launchPlainChromium,
  listPages,
  refuseRemote,
  requireCorpusAndBuild,
  servePages,
  spread,
} from './pages/corpus-pages';
import { requireFirefox } from './pages/firefox-runner';
import { median, ms, printTable, ratio } from './pages/format';

const ROUNDS: WorkRounds = { churn: 2000, edits: 2000, renders: 200 };
const KINDS = ['churn', 'edits', 'renders'] as const;
/** The ticking clock: how often it changes, how long it runs before and while it is timed. */
const TICK_MS = 100;
const TICK_SETTLE_MS = 1000;
const TICK_WINDOW_MS = 4000;

interface Options {
  pages: number | undefined;
  size: number;
  repeat: number;
  build: string;
  tickPages: number;
  firefox: boolean;
}

const FLAGS: FlagSpec<Options> = {
  '--pages': ['pages', 'count'],
  '--size': ['size', 'count'],
  '--repeat': ['repeat', 'count'],
  '--build': ['build', 'dir'],
  '--tick-pages': ['tickPages', 'whole'],
  '--firefox': ['firefox', 'on'],
};

const DEFAULTS: Options = {
  pages: undefined,
  size: 100_000,
  repeat: 3,
  build: EXTENSION_DIR,
  tickPages: 10,
  firefox: false,
};

/** Script milliseconds per second while a clock ticks on one page, with Backstory and without. */
interface TickRow {
  name: string;
  mentions: number;
  with: number;
  without: number;
}

/** Seconds of script the tab's renderer has run so far, every world included (CDP metrics). */
async function scriptSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  return metrics.find((m) => m.name === 'ScriptDuration')?.value ?? Number.NaN;
}

/** Starts the clock on the loaded page, lets the first rescan pass, then times its script. */
async function tickingScriptMsPerSecond(tab: Page, cdp: CDPSession): Promise<number> {
  await tab.evaluate(startTicking, TICK_MS);
  await tab.waitForTimeout(TICK_SETTLE_MS);
  const before = await scriptSeconds(cdp);
  const started = performance.now();
  await tab.waitForTimeout(TICK_WINDOW_MS);
  const spent = (await scriptSeconds(cdp)) - before;
  const seconds = (performance.now() - started) / 1000;
  await tab.evaluate(stopTicking);
  return (spent * 1000) / seconds;
}

/** Pages spread evenly over the list, and the one with the most mentions. */
function tickPages(rows: PageRow[], count: number): PageRow[] {
  const chosen = new Set(spread(rows, count));
  const most = rows.reduce<PageRow | undefined>((a, b) => (a && a.mentions >= b.mentions ? a : b), undefined);
  if (most) chosen.add(most);
  return [...chosen];
}

async function main(): Promise<void> {
  const options = optionsOrExit(process.argv.slice(2), DEFAULTS, FLAGS);
  const [build, buildCommand] = options.firefox
    ? [FIREFOX_EXTENSION_DIR, 'npx wxt build -b firefox']
    : [options.build, 'npx wxt build'];
  const corpus = requireCorpusAndBuild('bench:page-work', build, buildCommand);
  const pages = listPages(corpus, options.pages);
  const server = await servePages(corpus, pages);
  if (options.firefox) {
    const firefox = requireFirefox();
    const loads: number[] = [];
    const cards = cityCards(cityTerms(corpus, options.size));
    const rows = await firefoxPageRows(firefox, server, pages, cards, ROUNDS, options.repeat, () =>
      loads.push(loadavg()[0] ?? 0),
    ).finally(() => server.close());
    report(rows, { ...options, build: 'Firefox, .output/firefox-mv2' }, loads);
    return;
  }
  const runner = await BackstoryRunner.open(server, options.build);
  const plain = await launchPlainChromium();
  const rows: PageRow[] = [];
  const ticks: TickRow[] = [];
  const loads: number[] = [];
  try {
    const tab = await plain.newPage();
    await refuseRemote(tab);
    await runner.loadDictionary(cityCards(cityTerms(corpus, options.size)));
    await runner.warmUp();
    for (const page of pages) {
      const withRuns: WorkTimes[] = [];
      const withoutRuns: WorkTimes[] = [];
      let mentions = 0;
      for (let round = 0; round < options.repeat; round++) {
        mentions = (await runner.visit(page.name)).mentions;
        withRuns.push(await runner.inPage(doPageWork, ROUNDS));
        await tab.goto(server.url(`/${page.name}/`), { waitUntil: 'load' });
        withoutRuns.push(await tab.evaluate(doPageWork, ROUNDS));
        loads.push(loadavg()[0] ?? 0);
      }
      const row = {
        name: page.name,
        mentions,
        with: medianTimes(withRuns),
        without: medianTimes(withoutRuns),
      };
      rows.push(row);
      process.stderr.write(
        `${page.name}: ${mentions} mentions, page work ${ms(total(row.with))} ms with Backstory, ${ms(total(row.without))} ms without\n`,
      );
    }
    const withCdp = await runner.cdpSession();
    const withoutCdp = await tab.context().newCDPSession(tab);
    await withCdp.send('Performance.enable');
    await withoutCdp.send('Performance.enable');
    for (const row of tickPages(rows, options.tickPages)) {
      const mentions = (await runner.visit(row.name)).mentions;
      const withMs = await tickingScriptMsPerSecond(await runner.loadedTab(), withCdp);
      await tab.goto(server.url(`/${row.name}/`), { waitUntil: 'load' });
      const withoutMs = await tickingScriptMsPerSecond(tab, withoutCdp);
      ticks.push({ name: row.name, mentions, with: withMs, without: withoutMs });
      process.stderr.write(
        `${row.name}: a clock ticking every ${TICK_MS} ms, ${ms(withMs)} script ms a second with Backstory, ${ms(withoutMs)} without\n`,
      );
    }
  } finally {
    await plain.close();
    await runner.close();
    await server.close();
  }
  report(rows, options, loads);
  reportTicks(ticks);
}

function reportTicks(ticks: TickRow[]): void {
  if (ticks.length === 0) return;
  printTable(
    `A clock ticking every ${TICK_MS} ms: script ms per second of the whole page, every world (CDP ScriptDuration, over ${TICK_WINDOW_MS / 1000} s, after ${TICK_SETTLE_MS / 1000} s)`,
    ['page', 'mentions', 'with Backstory', 'without', 'Backstory’s share'],
    ticks.map((t) => [t.name, String(t.mentions), ms(t.with), ms(t.without), ms(t.with - t.without)]),
  );
  console.log(
    `\nMedian of Backstory's share: ${ms(median(ticks.map((t) => t.with - t.without)))} script ms per second of ticking (${ticks.length} pages).`,
  );
}

function report(rows: PageRow[], options: Options, loads: number[]): void {
  const work = `${ROUNDS.churn.toLocaleString('en-US')} elements added and removed, ${ROUNDS.edits.toLocaleString('en-US')} text edits, ${ROUNDS.renders} innerHTML renders`;
  console.log(`# What Backstory costs the page's own scripts (npm run bench:page-work)\n`);
  console.log(
    `${new Date().toISOString()}, build ${options.build}, ${options.size.toLocaleString('en-US')} cards, ${rows.length} pages, ${options.repeat} visit(s) each (medians), ${cpus().length} cores, load median ${median(loads).toFixed(1)}. Work per visit: ${work}.`,
  );
  printTable(
    'Every page: milliseconds of page work with Backstory / without',
    ['page', 'mentions', ...KINDS.map((k) => `${k} ms`), 'total ms', 'with / without'],
    rows.map((r) => [
      r.name,
      String(r.mentions),
      ...KINDS.map((k) => `${ms(r.with[k])} / ${ms(r.without[k])}`),
      `${ms(total(r.with))} / ${ms(total(r.without))}`,
      ratio(total(r.with) / total(r.without)),
    ]),
  );
  const sum = (pick: (r: PageRow) => number) => rows.reduce((s, r) => s + pick(r), 0);
  const ratios = rows.map((r) => total(r.with) / total(r.without));
  const worst = rows.reduce((a, b) =>
    total(a.with) / total(a.without) >= total(b.with) / total(b.without) ? a : b,
  );
  printTable(
    'Summary',
    ['figure', 'value'],
    [
      [
        'mentions painted, median per page / most',
        `${median(rows.map((r) => r.mentions))} / ${Math.max(...rows.map((r) => r.mentions))}`,
      ],
      ['page work with / without Backstory, median of the per-page ratios', ratio(median(ratios))],
      [
        `worst page (${worst.name}, ${worst.mentions} mentions)`,
        ratio(total(worst.with) / total(worst.without)),
      ],
      [
        'page work over all pages, with / without (ms)',
        `${ms(sum((r) => total(r.with)))} / ${ms(sum((r) => total(r.without)))}`,
      ],
      ...KINDS.map((k) => [
        `${k}, all pages, with / without (ms)`,
        `${ms(sum((r) => r.with[k]))} / ${ms(sum((r) => r.without[k]))}`,
      ]),
    ],
  );
}

await main();
