/**
 * `npm run bench:feed`: what Backstory costs a page that keeps growing, such as a live blog
 * or an endless feed. A headless Chromium with the built extension and a dictionary of city
 * cards (10,000 by default) opens a page of updates, one paragraph each, side by side
 * under one parent, and the benchmark adds updates in batches until the page holds the
 * updates asked for. For each batch it records how long the new mentions took to be
 * painted, and, from a Chromium trace, the tab's main-thread tasks meanwhile: script,
 * garbage collection and rendered frames (tests/bench/pages/trace.ts). The page's own
 * script only adds the batch and looks at the highlight every 10 ms, so a long script task is
 * Backstory's (the figure is an upper bound on Backstory's longest). At each checkpoint it also times the browser's
 * rendering of frames in which a clock on the page ticks, with Backstory's highlight in
 * the registry and with it taken out, on the same page. Prints Markdown tables (progress on
 * stderr). Needs the shared corpus for the city names; exits 2 without it.
 *
 * Options: --size N (cards), --batch N (updates a batch), --updates a,b,c (checkpoints, in
 * updates on the page; the last one ends the run), --frames N (frames timed each way at a checkpoint),
 * --build DIR (another unpacked build, for an A/B).
 */
import { loadavg } from 'node:os';
import type { CDPSession, Page } from '@playwright/test';
import { EXTENSION_DIR } from '../support/launch';
import { startStaticServer } from '../support/static-server';
import { type FlagSpec, optionsOrExit } from './flags';
import { BackstoryRunner } from './pages/backstory-runner';
import { cityCards, cityTerms, requireCorpusAndBuild, WARMUP_PAGE, WARMUP_PATH } from './pages/corpus-pages';
import { median, ms, printTable } from './pages/format';
import { type Task, traceTasks } from './pages/trace';

interface Options {
  size: number;
  batch: number;
  updates: number[];
  frames: number;
  build: string;
}

const FLAGS: FlagSpec<Options> = {
  '--size': ['size', 'count'],
  '--batch': ['batch', 'count'],
  '--updates': ['updates', 'counts'],
  '--frames': ['frames', 'count'],
  '--build': ['build', 'dir'],
};

const DEFAULTS: Options = {
  size: 10_000,
  batch: 200,
  updates: [400, 1800, 3400, 6800],
  frames: 30,
  build: EXTENSION_DIR,
};

const FEED_PATH = '/feed/';
/** Each update names three cities. */
const MENTIONS_PER_UPDATE = 3;
/** The cities the updates name: the best known, so every one is a card at any size. */
const NAMED_CITIES = 200;
/** How long the painting must hold still before a batch counts as painted. */
const STILL_MS = 600;
/** A batch not painted by then is reported as such. */
const BATCH_TIMEOUT_MS = 20_000;
/** A task longer than this is a long task (the limit for Backstory's own). */
const LONG_TASK_MS = 50;

const FEED_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Live updates</title></head>
<body><h1>Live updates</h1><p>Updated at <span id="clock">0</span></p><main id="feed"></main></body></html>`;

/** One batch's figures, as the page saw them. */
interface BatchFigures {
  /** Mentions painted once the batch settled. */
  painted: number;
  /** From adding the batch to the last new highlight. */
  paintedMs: number;
}

/** A batch's figures with the tasks of its trace. */
interface BatchRow extends BatchFigures {
  /** The renderer's main-thread ms, all tasks. */
  busy: number;
  longest: Record<Task['kind'], number>;
  /** The kinds of its tasks over 50 ms. */
  long: Task['kind'][];
}

/** Adds `count` updates, each naming three cities, and waits until the painting holds still. */
function addBatch(args: {
  first: number;
  count: number;
  cities: string[];
  stillMs: number;
  timeoutMs: number;
}): Promise<BatchFigures> {
  const { first, count, cities, stillMs, timeoutMs } = args;
  // Each paint registers a new highlight: the object changes even when, at the page's cap,
  // its size does not.
  const painting = () => CSS.highlights.get('backstory-mention');
  const before = painting();
  const feed = document.getElementById('feed') as HTMLElement;
  const started = performance.now();
  for (let i = first; i < first + count; i++) {
    const p = document.createElement('p');
    const [a, b, c] = [
      cities[i % cities.length],
      cities[(i * 7 + 3) % cities.length],
      cities[(i * 13 + 5) % cities.length],
    ];
    p.textContent = `Update ${i}: our reporters in ${a} and ${b} spoke to officials from ${c} this morning.`;
    feed.append(p);
  }
  return new Promise((done) => {
    let last = before;
    let changedAt = started;
    const look = () => {
      const now = performance.now();
      const current = painting();
      if (current !== last) {
        last = current;
        changedAt = now;
      }
      const settled = current !== before && now - changedAt >= stillMs;
      if (settled || now - started > timeoutMs) {
        done({
          painted: current?.size ?? 0,
          paintedMs: settled ? changedAt - started : Number.POSITIVE_INFINITY,
        });
        return;
      }
      setTimeout(look, 10);
    };
    setTimeout(look, 10);
  });
}

/**
 * Times `frames` frames in which the clock's text changes: from the frame's callback, where
 * the change is made, to a task queued there, which runs once the frame is rendered. With
 * `withHighlight` false, Backstory's highlight is out of the registry meanwhile (its rescans
 * of the clock find nothing new, so they do not put it back).
 */
function renderingMs(args: { frames: number; withHighlight: boolean }): Promise<number[]> {
  const clock = document.getElementById('clock') as HTMLElement;
  const painted = CSS.highlights.get('backstory-mention');
  if (!args.withHighlight) CSS.highlights.delete('backstory-mention');
  const times: number[] = [];
  return new Promise((done) => {
    const frame = () => {
      const start = performance.now();
      clock.textContent = String(Number(clock.textContent) + 1);
      setTimeout(() => {
        times.push(performance.now() - start);
        if (times.length < args.frames) requestAnimationFrame(frame);
        else {
          if (painted && !args.withHighlight) CSS.highlights.set('backstory-mention', painted);
          done(times);
        }
      }, 0);
    };
    requestAnimationFrame(frame);
  });
}

interface Checkpoint {
  mentions: number;
  /** Median over the batches since the last checkpoint: the renderer's main-thread ms while one was added and painted. */
  batchBusy: number;
  updates: number;
  batchPaintedMs: number;
  /** The longest task of each kind (see Task) over the batches since the last checkpoint. */
  longest: Record<Task['kind'], number>;
  /** The kinds of the tasks over 50 ms in those batches. */
  long: Task['kind'][];
  renderWith: number;
  renderWithout: number;
  load: number;
}

async function runFeed(
  tab: Page,
  cdp: CDPSession,
  options: Options,
  cities: string[],
): Promise<Checkpoint[]> {
  const checkpoints: Checkpoint[] = [];
  const goal = options.updates.at(-1) ?? 0;
  let updates = 0;
  let sinceCheckpoint: BatchRow[] = [];
  let lastCheckpoint = 0;
  while (updates < goal) {
    const trace = await traceTasks(cdp, tab.url());
    const batch = await tab.evaluate(addBatch, {
      first: updates,
      count: options.batch,
      cities,
      stillMs: STILL_MS,
      timeoutMs: BATCH_TIMEOUT_MS,
    });
    const tasks = await trace.stop();
    const longest = (kind: Task['kind']) =>
      Math.max(0, ...tasks.filter((t) => t.kind === kind).map((t) => t.ms));
    const figures: BatchRow = {
      ...batch,
      busy: tasks.reduce((sum, t) => sum + t.ms, 0),
      longest: { script: longest('script'), gc: longest('gc'), frame: longest('frame') },
      long: tasks.filter((t) => t.ms > LONG_TASK_MS).map((t) => t.kind),
    };
    updates += options.batch;
    if (!Number.isFinite(figures.paintedMs))
      throw new Error(`the batch ending at update ${updates} was not painted`);
    sinceCheckpoint.push(figures);
    process.stderr.write(
      `${updates} updates, ${figures.painted} mentions: batch painted in ${ms(figures.paintedMs)} ms, main thread ${ms(figures.busy)} ms, longest script task ${ms(figures.longest.script)} ms, collection ${ms(figures.longest.gc)} ms, frame ${ms(figures.longest.frame)} ms\n`,
    );
    const next = options.updates.find((at) => at > lastCheckpoint);
    if (next === undefined || updates < next) continue;
    // A batch may pass more than one checkpoint: it makes one row.
    lastCheckpoint = updates;
    const withHighlight = await tab.evaluate(renderingMs, { frames: options.frames, withHighlight: true });
    const without = await tab.evaluate(renderingMs, { frames: options.frames, withHighlight: false });
    checkpoints.push({
      mentions: figures.painted,
      batchBusy: median(sinceCheckpoint.map((b) => b.busy)),
      updates,
      batchPaintedMs: median(sinceCheckpoint.map((b) => b.paintedMs)),
      longest: {
        script: Math.max(0, ...sinceCheckpoint.map((b) => b.longest.script)),
        gc: Math.max(0, ...sinceCheckpoint.map((b) => b.longest.gc)),
        frame: Math.max(0, ...sinceCheckpoint.map((b) => b.longest.frame)),
      },
      long: sinceCheckpoint.flatMap((b) => b.long),
      renderWith: median(withHighlight),
      renderWithout: median(without),
      load: loadavg()[0] ?? 0,
    });
    sinceCheckpoint = [];
  }
  return checkpoints;
}

async function main(): Promise<void> {
  const options = optionsOrExit(process.argv.slice(2), DEFAULTS, FLAGS);
  const corpus = requireCorpusAndBuild('bench:feed', options.build);
  const server = await startStaticServer({
    [FEED_PATH]: { body: FEED_PAGE },
    [WARMUP_PATH]: { body: WARMUP_PAGE },
  });
  const runner = await BackstoryRunner.open(server, options.build).catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  const began = Date.now();
  try {
    const terms = cityTerms(corpus, options.size);
    await runner.loadDictionary(cityCards(terms));
    await runner.warmUp();
    await runner.visit(FEED_PATH.slice(1, -1));
    const tab = await runner.loadedTab();
    // tsx keeps functions' names with a `__name` helper, which the page lacks.
    await tab.evaluate('globalThis.__name = (f) => f;');
    const cdp = await runner.cdpSession();
    const checkpoints = await runFeed(tab, cdp, options, terms.slice(0, NAMED_CITIES));
    console.log(`# Backstory on a page that keeps growing (npm run bench:feed)\n`);
    console.log(
      `- ${options.size.toLocaleString('en')} city cards; updates of three city names each, added ${options.batch} at a time; run time ${Math.round((Date.now() - began) / 1000)} s`,
    );
    printTable(
      'Checkpoints',
      [
        'mentions on the page',
        'mentions painted',
        'updates on the page',
        'median batch painted ms',
        'main-thread ms a batch, median',
        'longest script task ms',
        'longest collection ms',
        'longest frame ms',
        'tasks > 50 ms: script / collection / frame',
        'rendering of a frame with a change, highlight in, median ms',
        'same, highlight out, median ms',
        '1-minute load',
      ],
      checkpoints.map((c) => [
        (c.updates * MENTIONS_PER_UPDATE).toLocaleString('en'),
        c.mentions.toLocaleString('en'),
        c.updates.toLocaleString('en'),
        ms(c.batchPaintedMs),
        ms(c.batchBusy),
        ms(c.longest.script),
        ms(c.longest.gc),
        ms(c.longest.frame),
        (['script', 'gc', 'frame'] as const)
          .map((kind) => c.long.filter((k) => k === kind).length)
          .join(' / '),
        ms(c.renderWith),
        ms(c.renderWithout),
        c.load.toFixed(1),
      ]),
    );
  } finally {
    await runner.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
