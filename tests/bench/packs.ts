/**
 * `npm run bench:packs`: importing and exporting packs in the full-tab manager, in real
 * Chromium with the built extension, for generated packs of 1,000, 10,000 and 100,000 cards
 * (the format's limit). Each size gets a fresh profile (the seed cards only). Timed from
 * Node, through the page as a reader uses it: choosing the file until the preview is shown
 * (reading, checking and planning), Import until the manager reports it (one transaction),
 * and Export until the download is complete. The manager page's JavaScript heap is sampled
 * over each step (CDP `Runtime.getHeapUsage`, every 50 ms); the highest sample is printed.
 * Prints Markdown tables (progress on stderr). Needs a build (npx wxt build); exits 2 without.
 *
 * Options: --sizes N,N (cards per pack), --build DIR (another unpacked build).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Download, Page } from '@playwright/test';
import { toPackCard } from '../../lib/db/cards';
import { packFileText } from '../../lib/db/pack-export';
import type { Pack } from '../../lib/pack/types';
import { generateCards } from '../e2e/popup/generated-cards';
import { EXTENSION_DIR, launchWithExtension } from '../support/launch';
import { type FlagSpec, optionsOrExit } from './flags';
import { ms, printTable } from './pages/format';

interface Options {
  sizes: number[];
  build: string;
}

const FLAGS: FlagSpec<Options> = { '--sizes': ['sizes', 'counts'], '--build': ['build', 'dir'] };
const DEFAULTS: Options = { sizes: [1000, 10_000, 100_000], build: EXTENSION_DIR };
/** How long one step may take before the run gives up on it. */
const STEP_TIMEOUT_MS = 600_000;

interface Step {
  ms: number;
  /** Highest JavaScript heap sample of the manager page during the step, MB. */
  heapMb: number;
}

interface SizeRow {
  cards: number;
  fileMb: number;
  preview: Step;
  write: Step;
  exported: Step;
  exportedMb: number;
  /** Export files: more than one past the format's 100,000 cards (seed cards count too). */
  files: number;
}

/** Runs `step`, sampling the page's heap meanwhile; its time and highest sample. */
async function timed(cdp: CDPSession, step: () => Promise<unknown>): Promise<Step> {
  let highest = 0;
  let sampling = true;
  const sample = async () => {
    while (sampling) {
      const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      highest = Math.max(highest, usedSize);
      await new Promise((done) => setTimeout(done, 50));
    }
  };
  const sampler = sample();
  const start = performance.now();
  try {
    await step();
  } finally {
    sampling = false;
  }
  const elapsed = performance.now() - start;
  await sampler;
  return { ms: elapsed, heapMb: highest / 2 ** 20 };
}

function generatedPack(cards: number): Pack {
  return {
    backstory: 1,
    pack: { id: 'bench-pack', title: 'Generated cards', version: '1' },
    cards: generateCards(cards).map(toPackCard),
  };
}

async function measure(build: string, cards: number): Promise<SizeRow> {
  const text = packFileText(generatedPack(cards));
  // Playwright hands over files of more than 50 MB only by path.
  const folder = await mkdtemp(join(tmpdir(), 'backstory-packs-'));
  const file = join(folder, 'bench.json');
  await writeFile(file, text);
  const browser = await launchWithExtension(build);
  try {
    const page: Page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html?view=tab#packs`);
    await page.getByRole('heading', { name: 'Back up and share cards' }).waitFor();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const preview = await timed(cdp, async () => {
      await page.locator('input[type="file"]').setInputFiles(file);
      await page
        .getByRole('heading', { name: 'Import “Generated cards”?' })
        .waitFor({ timeout: STEP_TIMEOUT_MS });
    });
    const write = await timed(cdp, async () => {
      await page.getByRole('button', { name: /^Import [\d,]+ cards?$/ }).click();
      await page.getByText(/^Imported [\d,]+ cards? from/).waitFor({ timeout: STEP_TIMEOUT_MS });
    });
    process.stderr.write(`  preview ${ms(preview.ms)} ms, import ${ms(write.ms)} ms\n`);
    await cdp.send('HeapProfiler.collectGarbage');
    let exportedMb = 0;
    let files = 0;
    const exported = await timed(cdp, async () => {
      const downloads: Download[] = [];
      const collect = (download: Download) => downloads.push(download);
      page.on('download', collect);
      await page.getByRole('button', { name: 'Export to a file' }).click();
      await page.getByText(/^(Saved|Nothing was saved)/).waitFor({ timeout: STEP_TIMEOUT_MS });
      const said = await page.getByText(/^(Saved|Nothing was saved)/).textContent();
      if (!said?.startsWith('Saved')) throw new Error(`the export failed: ${said}`);
      const expected = / as (\d+) files/.exec(said)?.[1] ?? '1';
      while (downloads.length < Number(expected)) await new Promise((done) => setTimeout(done, 50));
      page.off('download', collect);
      for (const download of downloads)
        exportedMb += (await readFile(await download.path())).length / 2 ** 20;
      files = downloads.length;
    });
    return { cards, fileMb: Buffer.byteLength(text) / 2 ** 20, preview, write, exported, exportedMb, files };
  } finally {
    await browser.close();
    await rm(folder, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const options = optionsOrExit(process.argv.slice(2), DEFAULTS, FLAGS);
  if (!existsSync(options.build)) {
    console.error(`bench:packs needs a build in ${options.build}: run npx wxt build`);
    process.exit(2);
  }
  const loads: number[] = [];
  const rows: SizeRow[] = [];
  const started = Date.now();
  for (const cards of options.sizes) {
    process.stderr.write(`${cards.toLocaleString('en')} cards…\n`);
    loads.push(loadavg()[0] ?? 0);
    rows.push(await measure(options.build, cards));
  }
  console.log('# Packs: import and export in the manager (npm run bench:packs)\n');
  console.log(
    `- ${new Date(started).toISOString()}, ${cpus().length} cores, 1-minute load ${loads.map((l) => l.toFixed(1)).join(' / ')}, run ${Math.round((Date.now() - started) / 1000)} s`,
  );
  printTable(
    'Per pack size: time (ms) and highest JavaScript heap of the manager page (MB)',
    [
      'cards',
      'file MB',
      'choose file → preview',
      'heap',
      'Import → imported',
      'heap',
      'Export → downloaded',
      'heap',
      'export files, MB',
    ],
    rows.map((row) => [
      row.cards.toLocaleString('en'),
      row.fileMb.toFixed(1),
      ms(row.preview.ms),
      row.preview.heapMb.toFixed(0),
      ms(row.write.ms),
      row.write.heapMb.toFixed(0),
      ms(row.exported.ms),
      row.exported.heapMb.toFixed(0),
      `${row.files}, ${row.exportedMb.toFixed(1)}`,
    ]),
  );
}

await main();
