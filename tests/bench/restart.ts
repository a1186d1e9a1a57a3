/**
 * `npm run bench:restart`: where the time to painted after a service-worker restart goes.
 * Chromium ends the extension's renderer process when its worker stops and no page of the
 * extension is open, so the next page's first scan waits for a new process as well as the
 * worker. This visits corpus pages right after the worker was stopped, in rounds that
 * alternate between nothing of the extension open (as for a reader) and one of its pages
 * kept open in another tab (the process lives on), and prints both. Needs the shared
 * corpus and a Chromium build; exits 2 without them.
 *
 * Options: --pages N (corpus pages, spread over the list; 10), --rounds N (rounds of each
 * condition; 2), --cards N (city cards loaded; 0 keeps the seed cards only), --build DIR.
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { EXTENSION_DIR } from '../support/launch';
import { type FlagSpec, optionsOrExit } from './flags';
import { BackstoryRunner } from './pages/backstory-runner';
import {
  cityCards,
  cityTerms,
  listPages,
  requireCorpusAndBuild,
  servePages,
  spread,
} from './pages/corpus-pages';
import { median, ms } from './pages/format';

interface Options {
  pages: number;
  rounds: number;
  cards: number;
  build: string;
}

const FLAGS: FlagSpec<Options> = {
  '--pages': ['pages', 'count'],
  '--rounds': ['rounds', 'count'],
  '--cards': ['cards', 'whole'],
  '--build': ['build', 'dir'],
};

/** Extension renderer processes of every Chromium on the machine; undefined without `ps`. */
function extensionProcesses(): number | undefined {
  try {
    const lines = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n');
    return lines.filter((line) => line.includes('--extension-process')).length;
  } catch {
    return undefined;
  }
}

const options = optionsOrExit(
  process.argv.slice(2),
  { pages: 10, rounds: 2, cards: 0, build: EXTENSION_DIR },
  FLAGS,
);
const corpus = requireCorpusAndBuild('bench:restart', options.build);
const all = listPages(corpus);
const pages = spread(all, options.pages).map((page) => page.name);
const server = await servePages(
  corpus,
  all.filter((page) => pages.includes(page.name)),
);
const runner = await BackstoryRunner.open(server, options.build);
const started = Date.now();
const loads: number[] = [];
const rows: string[] = [];
const byCondition = new Map<string, number[]>();
try {
  if (options.cards > 0) {
    await runner.loadDictionary(cityCards(cityTerms(corpus, options.cards)));
    await runner.warmUp();
  }
  for (let round = 1; round <= options.rounds; round++) {
    for (const keepOpen of [false, true]) {
      const condition = keepOpen ? 'an extension page kept open' : 'nothing of the extension open';
      const kept = keepOpen ? await runner.openExtensionPage('popup.html') : undefined;
      const painted: number[] = [];
      const processes: (number | undefined)[] = [];
      for (const name of pages) {
        await runner.stopWorker();
        processes.push(extensionProcesses());
        const figures = await runner.visit(name, 120_000);
        painted.push(figures.paintedMs ?? Number.NaN);
        loads.push(loadavg()[0] ?? 0);
        process.stderr.write(`round ${round}, ${condition}, ${name}: painted ${ms(figures.paintedMs)} ms\n`);
      }
      await kept?.close();
      byCondition.set(condition, [...(byCondition.get(condition) ?? []), ...painted]);
      rows.push(
        `| ${round} | ${condition} | ${ms(median(painted))} | ${painted.map((p) => ms(p)).join(' ')} | ${processes.map((n) => n ?? '–').join(' ')} |`,
      );
    }
  }
} finally {
  await runner.close();
  await server.close();
}

const dictionary =
  options.cards > 0 ? `${options.cards.toLocaleString('en-US')} city cards` : 'the seed cards';
console.log(`# Painted after a worker restart, with and without the extension's process (npm run bench:restart)

${new Date(started).toISOString()}, ${dictionary}, ${pages.length} pages, ${options.rounds} round(s) of each condition, ${cpus().length} cores, 1-minute load median ${median(loads).toFixed(1)}, run ${Math.round((Date.now() - started) / 1000)} s. Each visit: the worker stopped over the DevTools protocol, then the page loaded; time from the content script's start to the first scan painted.

| round | condition | median painted ms | per page, ms | extension processes after the stop |
| --- | --- | --- | --- | --- |
${rows.join('\n')}

| condition | median painted ms, all rounds |
| --- | --- |
${[...byCondition].map(([condition, painted]) => `| ${condition} | ${ms(median(painted))} |`).join('\n')}`);
