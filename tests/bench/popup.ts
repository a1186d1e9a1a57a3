// `npm run bench:popup`: the card manager with 10,000 generated cards, in real Chromium.
// Measures, inside the page: first render with the list, each search keystroke to updated
// results, and opening a card for editing. Needs a build in .output/chrome-mv3 (npx wxt build).
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { generateCards } from '../e2e/popup/generated-cards';
import { waitForStoredCatalog, writeCards } from '../e2e/popup/manager-db';
import { EXTENSION_DIR, type ExtensionBrowser, launchWithExtension } from '../support/launch';

// Another build directory can be benchmarked with BENCH_EXTENSION_DIR (a copy of a build
// stays still while others rebuild .output).
const EXTENSION = process.env.BENCH_EXTENSION_DIR ?? EXTENSION_DIR;
const CARDS = 10_000;
const OPENINGS = 15;
const QUERIES = ['hague summit', 'black sea grain', 'rutte', 'velmor', 'treaty of karsk'];

// --- In-page probes. ------------------------------------------------------------------
// tsx compiles this file with esbuild's keepNames, which calls __name() inside functions
// handed to page.evaluate; the page needs it defined.
const KEEP_NAMES = 'globalThis.__name = (f) => f;';
// Records when the first list row reaches the DOM (and the frame after), and when the
// count says every card is loaded (searchable), in ms from navigation start.
const PROBE = `${KEEP_NAMES}
new MutationObserver(() => {
  if (!window.__firstRow && document.querySelector('.card-list li')) {
    const dom = performance.now();
    window.__firstRow = { dom };
    requestAnimationFrame(() => setTimeout(() => { window.__firstRow.frame = performance.now(); }));
  }
  const count = document.querySelector('.search-bar__count')?.textContent ?? '';
  if (!window.__complete && /^[0-9,]+ cards?$/.test(count)) window.__complete = performance.now();
}).observe(document, { childList: true, subtree: true, characterData: true });`;

interface Timing {
  dom: number;
  frame: number;
}

type Probed = { __firstRow?: Timing; __complete?: number };

/** Opens the manager in a fresh page: first row on screen, and all cards searchable. */
async function openManager(
  browser: ExtensionBrowser,
): Promise<{ page: Page; timing: Timing; complete: number; script: number }> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 420, height: 580 });
  await page.addInitScript({ content: PROBE });
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await page.waitForFunction(
    () => {
      const w = window as unknown as Probed;
      return w.__firstRow?.frame !== undefined && w.__complete !== undefined;
    },
    null,
    { timeout: 60_000 },
  );
  const probed = await page.evaluate(() => {
    const { __firstRow, __complete } = window as unknown as Required<Probed>;
    const script = performance.getEntriesByName('backstory:script-start')[0]?.startTime ?? Number.NaN;
    return { timing: __firstRow, complete: __complete, script };
  });
  return { page, ...probed };
}

/** Types each query a character at a time; answers keydown -> results in the DOM, per key. */
async function measureKeystrokes(page: Page): Promise<Timing[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __keys: Timing[]; __down: number };
    w.__keys = [];
    document.addEventListener('keydown', (event) => (w.__down = event.timeStamp), true);
    const list = () => document.querySelector('.card-list');
    new MutationObserver(() => {
      const dom = performance.now() - w.__down;
      requestAnimationFrame(() =>
        setTimeout(() => w.__keys.push({ dom, frame: performance.now() - w.__down })),
      );
    }).observe(list() as Element, { attributes: true, attributeFilter: ['data-query'] });
  });
  const search = page.getByRole('searchbox', { name: 'Search cards' });
  for (const query of QUERIES) {
    await search.fill('');
    await search.pressSequentially(query, { delay: 80 });
    await page.waitForTimeout(100);
  }
  return page.evaluate(() => (window as unknown as { __keys: Timing[] }).__keys);
}

/** Opens cards from the list with a click; answers click -> editor form in the DOM, per card. */
async function measureOpenings(page: Page): Promise<Timing[]> {
  const timings: Timing[] = [];
  await page.getByRole('searchbox', { name: 'Search cards' }).fill('');
  for (let i = 0; i < OPENINGS; i++) {
    const row = page.locator(`.card-list li[data-row="${i % 8}"] button`);
    const timing = page.evaluate(
      () =>
        new Promise<Timing>((done) => {
          let clicked = 0;
          document.addEventListener('click', (event) => (clicked = event.timeStamp), {
            capture: true,
            once: true,
          });
          new MutationObserver((_, observer) => {
            if (!document.querySelector('.card-form input')) return;
            observer.disconnect();
            const dom = performance.now() - clicked;
            requestAnimationFrame(() => setTimeout(() => done({ dom, frame: performance.now() - clicked })));
          }).observe(document.body, { childList: true, subtree: true });
        }),
    );
    await row.click();
    timings.push(await timing);
    await page.keyboard.press('Escape');
    await page.getByRole('searchbox', { name: 'Search cards' }).waitFor();
  }
  return timings;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const worst = (values: number[]) => Math.max(...values);
const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(10);

function report(rows: [string, string, Timing[]][]): void {
  console.log(
    `\n${'measure'.padEnd(46)}${'budget'.padStart(8)} ${'n'.padStart(4)}  median DOM (frame)   worst DOM (frame)`,
  );
  for (const [label, budget, timings] of rows) {
    const dom = timings.map((t) => t.dom);
    const frame = timings.map((t) => t.frame);
    console.log(
      `${label.padEnd(46)}${budget.padStart(8)} ${String(timings.length).padStart(4)}  ${ms(median(dom))} (${ms(median(frame)).trim()})  ${ms(worst(dom))} (${ms(worst(frame)).trim()})`,
    );
  }
  console.log('\nDOM: the results are in the document; frame: the next animation frame after that.');
}

async function main(): Promise<void> {
  if (!existsSync(resolve(EXTENSION, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION}; run "npx wxt build" first.`);
  }
  const browser = await launchWithExtension(EXTENSION);
  try {
    const setup = await openManager(browser);
    await writeCards(setup.page, generateCards(CARDS));
    await setup.page.close();
    // The first opening after the cards changed reads them all and stores the catalog.
    const cold = await openManager(browser);
    await waitForStoredCatalog(cold.page);
    await cold.page.close();
    const firsts: Timing[] = [];
    const completes: number[] = [];
    const scripts: number[] = [];
    for (let i = 0; i < OPENINGS; i++) {
      const { page, timing, complete, script } = await openManager(browser);
      firsts.push(timing);
      completes.push(complete);
      scripts.push(script);
      await page.close();
    }
    const { page } = await openManager(browser);
    const keys = await measureKeystrokes(page);
    const openings = await measureOpenings(page);
    console.log(
      `Backstory card manager, ${CARDS.toLocaleString('en')} cards, Chromium (headless), popup size; ` +
        `${cpus().length} cores, load average ${loadavg()[0]?.toFixed(1)} at the end`,
    );
    const asTiming = (ms: number) => ({ dom: ms, frame: ms });
    report([
      ['first render with the list (cold: no catalog)', '—', [cold.timing]],
      ['all cards searchable (cold)', '—', [asTiming(cold.complete)]],
      ['first render with the list', '200 ms', firsts],
      ['  of which the page starting (to our script)', '—', scripts.map(asTiming)],
      ['all cards searchable', '—', completes.map(asTiming)],
      [`search keystroke -> results (${QUERIES.length} queries)`, '16 ms', keys],
      ['open a card for editing', '50 ms', openings],
    ]);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
