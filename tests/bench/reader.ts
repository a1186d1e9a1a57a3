/**
 * `npm run bench:reader`: where the first read of a page costs, measured the way the content
 * script meets a page: each pass runs once in a fresh isolated world (made over CDP) on a
 * freshly loaded corpus page, after `load`. A name like `allNodes>reader` runs the first pass
 * untimed and then times the second in the same world, which shows the cost of the second
 * alone once the node wrappers exist; `floor*2` times a second run of the same pass.
 * `main:reader` runs the pass in the page's main world (through `page.evaluate`) instead.
 * Prints the median milliseconds and the median per-page ratio to the floor.
 *
 * `--check` also reads every page with Backstory's reader, with the reader it had until session
 * 8 (reader/parent-stack-reader.ts) and with the XPath reader tried in session 4
 * (reader/xpath-reader.ts), and lists the pages where their blocks differ from the product's.
 *
 * Options: --pages N (default 40), --passes a,b,c, --check. Needs the shared corpus; exits 2 without it.
 */
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { findChromium } from '../support/chromium';
import { corpusDir } from '../support/shared-dir';
import { listPages, refuseRemote, servePages } from './pages/corpus-pages';
import { median, printTable } from './pages/format';
import { openIsolatedWorld } from './pages/isolated-world';

const DEFAULT_PASSES =
  'floor,floor*2,allNodes,allNodesNamed,structuredWalk,reader,parentStackReader,reader*2,allNodes>reader,xpathText,xpathTextParents,xpathUnion,customQuery,childlessHostsCss,xpathReader,leafBlocks,skippedQuery';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/** One timed pass: `[warm>]name[*runs]`. */
function parsePass(spec: string): { warm?: string; name: string; runs: number } {
  const [warm, rest] = spec.includes('>') ? (spec.split('>') as [string, string]) : [undefined, spec];
  const [name, runs] = rest.split('*') as [string, string | undefined];
  return { warm, name, runs: Number(runs ?? 1) };
}

async function main(): Promise<void> {
  const corpus = corpusDir();
  if (!corpus) {
    console.error('bench:reader needs the shared corpus (../shared/corpus or BACKSTORY_SHARED)');
    process.exit(2);
  }
  const check = process.argv.includes('--check');
  const specs = (option('passes') ?? DEFAULT_PASSES).split(',');
  const pages = listPages(corpus, Number(option('pages') ?? 40));
  const bundle = await build({
    entryPoints: [join(import.meta.dirname, 'reader/passes.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'backstoryBenchPasses',
    write: false,
  });
  const source = `${bundle.outputFiles[0]?.text ?? ''}; globalThis.backstoryBenchPasses = backstoryBenchPasses;`;
  const server = await servePages(corpus, pages);
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-quic'],
  });
  const differing: string[] = [];
  const times = new Map<string, number[]>(specs.map((spec) => [spec, []]));
  const loads: number[] = [];
  try {
    const tab = await browser.newPage();
    await refuseRemote(tab);
    for (const [i, page] of pages.entries()) {
      process.stderr.write(`${i + 1}/${pages.length} ${page.name}\n`);
      loads.push(loadavg()[0] ?? 0);
      // Passes alternate page by page, so a busy moment on the machine falls on all of them.
      for (const spec of specs) {
        const inMain = spec.startsWith('main:');
        const { warm, name, runs } = parsePass(inMain ? spec.slice(5) : spec);
        await tab.goto(server.url(`/${page.name}/`), { waitUntil: 'load' });
        const world = inMain
          ? { evaluate: (source: string) => tab.evaluate(source), close: async () => {} }
          : await openIsolatedWorld(tab, `backstory-bench-${i}-${spec}`);
        await world.evaluate(source);
        if (warm) await world.evaluate(`backstoryBenchPasses.passes.${warm}()`);
        const runTimes = (await world.evaluate(
          `(() => { const out = []; for (let i = 0; i < ${runs}; i++) { const start = performance.now();
            backstoryBenchPasses.passes.${name}(); out.push(performance.now() - start); } return out; })()`,
        )) as number[];
        times.get(spec)?.push(runTimes.at(-1) ?? Number.NaN);
        await world.close();
      }
      if (check) {
        await tab.goto(server.url(`/${page.name}/`), { waitUntil: 'load' });
        for (const other of ['parentStack', 'xpath']) {
          const diffs = (await tab.evaluate(
            `${source}; backstoryBenchPasses.readerDifferences(${JSON.stringify(other)})`,
          )) as string[];
          if (diffs.length > 0) differing.push(`${page.name} (${other}): ${diffs.join('; ')}`);
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  if (check)
    console.log(
      `\nPages where another reader's blocks differ from BlockReader's: ${differing.length}`,
      ...differing,
    );
  const floor = times.get('floor');
  printTable(
    `First read in a fresh isolated world, ${pages.length} pages (${cpus().length} cores, load median ${median(loads).toFixed(1)})`,
    ['pass', 'median ms', 'total ms', 'median ratio to floor'],
    specs.map((spec) => {
      const values = times.get(spec) ?? [];
      const ratios = floor ? values.map((value, i) => value / Math.max(0.1, floor[i] ?? 0)) : [];
      return [
        spec,
        median(values).toFixed(2),
        values.reduce((a, b) => a + b, 0).toFixed(1),
        floor ? `${median(ratios).toFixed(2)}×` : '–',
      ];
    }),
  );
}

await main();
