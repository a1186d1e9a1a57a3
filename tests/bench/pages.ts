/**
 * `npm run bench:pages`: Backstory on real pages in real Chromium (issue 4). For each
 * dictionary size, every corpus page is loaded with the built extension and the content
 * script's own timeline entries give time to painted, main-thread time and longest task;
 * some pages are loaded again right after the service worker was stopped. In a Chromium
 * without the extension, mark.js marks the same pages with the 1k terms (both ways its users
 * call it) and a bare TreeWalker pass gives the floor. Prints Markdown tables (progress goes
 * to stderr). Needs the shared corpus; exits 2 without it.
 *
 * Options: --pages N, --sizes 1000,10000,100000, --restarts N, --mark-cap MS, --repeat N, --no-markjs.
 */
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { corpusDir, SHARED_DIR } from '../support/shared-dir';
import type { StaticServer } from '../support/static-server';
import { alternation } from './pages/alternation';
import { BackstoryRunner } from './pages/backstory-runner';
import { cityCards, cityTerms, listPages, servePages, spread } from './pages/corpus-pages';
import { median, ms } from './pages/format';
import { MarkJsRunner } from './pages/markjs-runner';
import { type BenchOptions, parseOptions, USAGE } from './pages/options';
import { printComparisonTable, printScanTables, printStepTable } from './pages/page-tables';
import { type BenchResults, COMPARISON_SIZE, type PageResult } from './pages/results';
import { printSummary } from './pages/summary';
import { medianFigures, type ScanFigures } from './pages/timeline';

/** Even with a fast mark.js budget, a stopped run still proves this ratio (the target is 20×). */
const CAP_OVER_OURS = 25;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function progress(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** The run with the median time (the upper one of the middle two for an even count). */
function middle<T extends { ms: number }>(runs: T[]): T {
  const sorted = [...runs].sort((a, b) => a.ms - b.ms);
  return sorted[sorted.length >> 1] as T;
}

/** Visits each page `repeat` times, in rounds over all pages, and keeps each page's medians. */
async function visitAll(
  pages: PageResult[],
  repeat: number,
  visit: (name: string) => Promise<ScanFigures>,
  label: string,
): Promise<Map<PageResult, ScanFigures>> {
  const visits = new Map<PageResult, ScanFigures[]>(pages.map((p) => [p, []]));
  for (let round = 0; round < repeat; round++) {
    for (const result of pages) {
      const figures = await visit(result.page.name);
      visits.get(result)?.push(figures);
      progress(
        `${label}  ${result.page.name}: painted ${ms(figures.paintedMs)} ms (worker answered ${ms(figures.answeredMs)} ms after start), main ${ms(figures.mainThreadMs)} ms, longest ${ms(figures.longestMs)} ms`,
      );
    }
  }
  return new Map([...visits].map(([result, list]) => [result, medianFigures(list)]));
}

async function measureBackstory(
  corpus: string,
  options: BenchOptions,
  results: BenchResults,
  server: StaticServer,
) {
  const runner = await BackstoryRunner.open(server, options.build);
  try {
    for (const size of results.sizes) {
      const started = performance.now();
      await runner.loadDictionary(cityCards(cityTerms(corpus, size)));
      results.rebuildMs.set(size, await runner.warmUp());
      const figures = await visitAll(
        results.pages,
        options.repeat,
        (name) => runner.visit(name),
        `${size} cards`,
      );
      for (const [result, f] of figures) result.bySize.set(size, f);
      progress(`${size} cards: ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
    if (results.restartSize === undefined) return;
    const chosen = spread(results.pages, options.restarts);
    const figures = await visitAll(
      chosen,
      options.repeat,
      (name) => runner.visitAfterRestart(name),
      'restart',
    );
    for (const [result, f] of figures) result.restart = f;
  } finally {
    await runner.close();
  }
}

async function measureMarkJs(
  corpus: string,
  options: BenchOptions,
  results: BenchResults,
  server: StaticServer,
) {
  const terms = cityTerms(corpus, COMPARISON_SIZE);
  const regexp = alternation(terms);
  results.markTerms = terms.length;
  const runner = await MarkJsRunner.open(server);
  try {
    for (const result of results.pages) {
      const { name } = result.page;
      // A budget of at least 25× Backstory's own time means a stopped run still settles the
      // 20× comparison; mark.js is never stopped sooner than --mark-cap.
      const ours = result.bySize.get(COMPARISON_SIZE)?.mainThreadMs ?? 0;
      const cap = Math.max(options.markCapMs, CAP_OVER_OURS * ours);
      const floors = [];
      const isolatedFloors = [];
      const regexps = [];
      const isolatedRegexps = [];
      for (let round = 0; round < options.repeat; round++) {
        floors.push(await runner.floor(name));
        isolatedFloors.push(await runner.isolatedFloor(name));
        regexps.push(await runner.markRegExp(name, regexp, cap));
        isolatedRegexps.push(await runner.isolatedMarkRegExp(name, regexp, cap));
      }
      result.floor = middle(floors);
      result.isolatedFloor = middle(isolatedFloors);
      result.markRegExp = middle(regexps);
      result.isolatedMarkRegExp = middle(isolatedRegexps);
      result.markArray = await runner.markArray(name, terms, cap);
      progress(
        `mark.js  ${name}: floor ${ms(result.floor.ms)} (isolated world ${ms(result.isolatedFloor.ms)}), markRegExp ${ms(result.markRegExp.ms)} (isolated world ${ms(result.isolatedMarkRegExp.ms)}), mark(array) ${result.markArray.capped ? '> ' : ''}${ms(result.markArray.ms)} ms`,
      );
    }
    return await runner.version();
  } finally {
    await runner.close();
  }
}

async function main(): Promise<void> {
  let options: BenchOptions;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
  const corpus = corpusDir();
  if (!corpus) {
    fail(
      `bench:pages needs the shared page corpus at ${join(SHARED_DIR, 'corpus')} (pages/ and terms/cities-all.json). Set BACKSTORY_SHARED to the folder that holds corpus/.`,
    );
  }
  if (!existsSync(join(corpus, 'terms/cities-all.json')))
    fail(`bench:pages needs ${join(corpus, 'terms/cities-all.json')}.`);
  if (!existsSync(join(options.build, 'manifest.json')))
    fail(`No build at ${options.build}: run "npm run bench:pages" (it builds first) or "npx wxt build".`);
  const pages = listPages(corpus, options.pages);
  if (pages.length === 0) fail(`No pages in ${join(corpus, 'pages')}.`);

  const started = performance.now();
  // Other work shares this machine; sample the load so the output says how busy it was.
  const load = [loadavg()[0] as number];
  const sampler = setInterval(() => load.push(loadavg()[0] as number), 10_000);
  const results: BenchResults = {
    sizes: options.sizes,
    pages: pages.map((page): PageResult => ({ page, bySize: new Map() })),
    restartSize: options.restarts > 0 ? options.sizes[options.sizes.length - 1] : undefined,
    rebuildMs: new Map(),
    markTerms: 0,
  };
  const server = await servePages(corpus, pages);
  let chromiumVersion = 'not read (mark.js skipped)';
  try {
    await measureBackstory(corpus, options, results, server);
    if (!options.skipMarkJs) chromiumVersion = await measureMarkJs(corpus, options, results, server);
  } finally {
    clearInterval(sampler);
    await server.close();
  }

  const seconds = (performance.now() - started) / 1000;
  console.log('# Backstory on real pages (npm run bench:pages)\n');
  console.log(`- arguments: ${process.argv.slice(2).join(' ') || '(defaults)'}; build ${options.build}`);
  const visits = options.repeat === 1 ? 'one visit' : `median of ${options.repeat} visits`;
  console.log(
    `- ${pages.length} corpus pages; dictionaries: ${options.sizes.join(', ')} cards (most prominent city names); ${visits} per page and condition`,
  );
  console.log(
    `- Chromium ${chromiumVersion}, headless; Node ${process.version}; ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}`,
  );
  console.log(
    `- 1-minute load average during the run: median ${median(load).toFixed(1)}, max ${Math.max(...load).toFixed(1)} on ${cpus().length} cores (other work on the machine stretches every wall-clock figure)`,
  );
  console.log(`- run time ${seconds.toFixed(0)} s`);
  printScanTables(results);
  printStepTable(results);
  printComparisonTable(results);
  printSummary(results);
}

await main();
