/** The per-page tables: Backstory at each size, after a worker restart, and side by side with mark.js. */
import { median, ms, printTable, ratio } from './format';
import type { MarkRun } from './markjs-runner';
import { type BenchResults, COMPARISON_SIZE, type PageResult, TIMER_RESOLUTION_MS } from './results';
import type { ScanFigures } from './timeline';

function kChars(result: PageResult): string {
  return Number.isFinite(result.page.visibleChars) ? (result.page.visibleChars / 1000).toFixed(1) : '–';
}

/** "12.3", "> 3,000" for a run stopped at its budget, "†" when one call had failed. */
function markMs(run: MarkRun | undefined): string {
  if (!run) return '–';
  return `${run.capped ? '> ' : ''}${ms(run.ms)}${run.failure ? '†' : ''}`;
}

/** Painted time, or a plain statement that the page was never painted. */
function painted(figures: ScanFigures): string {
  return figures.paintedMs === undefined ? 'NOT PAINTED' : ms(figures.paintedMs);
}

/** A longest task from a long-task entry (it holds a slice plus unsliced work) is starred. */
function longest(figures: ScanFigures): string {
  return `${ms(figures.longestMs)}${figures.longestFromLongTask ? '*' : ''}`;
}

function scanRow(result: PageResult, figures: ScanFigures): string[] {
  const floor = result.floor ? Math.max(result.floor.ms, TIMER_RESOLUTION_MS) : undefined;
  return [
    result.page.name,
    kChars(result),
    String(figures.mentions),
    painted(figures),
    ms(figures.answeredMs),
    ms(figures.mainThreadMs),
    longest(figures),
    String(figures.slices),
    ms(result.floor?.ms),
    floor ? ratio(figures.mainThreadMs / floor) : '–',
    ms(result.isolatedFloor?.ms),
    ms(figures.steps.read),
  ];
}

const SCAN_HEADERS = [
  'page',
  'visible text (k chars)',
  'mentions',
  'painted ms',
  'worker answered ms after start',
  'main-thread ms',
  'longest task ms',
  'slices',
  'floor ms',
  'main-thread / floor',
  'floor in an isolated world ms',
  'of which reading ms',
];

/** One table per dictionary size, and one for the visits after a worker restart. */
export function printScanTables(results: BenchResults): void {
  for (const size of results.sizes) {
    const rows = results.pages.flatMap((r) => {
      const figures = r.bySize.get(size);
      return figures ? [scanRow(r, figures)] : [];
    });
    printTable(
      `Backstory, ${size.toLocaleString('en-US')} cards, warm worker: every page`,
      SCAN_HEADERS,
      rows,
    );
  }
  const restarted = results.pages.filter((r) => r.restart);
  if (restarted.length > 0 && results.restartSize) {
    printTable(
      `Backstory, ${results.restartSize.toLocaleString('en-US')} cards, first scan after the service worker was stopped`,
      SCAN_HEADERS,
      restarted.map((r) => scanRow(r, r.restart as ScanFigures)),
    );
  }
  console.log(
    '\n`*` the longest task is a long-task entry (over 50 ms, any source) that overlaps one of Backstory’s slices: the slice plus work outside the slices (receiving the worker’s answers, or slices with no yield between them) in one task.',
  );
}

/** The order steps are listed in: the order they run in. */
const STEP_ORDER = ['start', 'read', 'visible-first', 'send', 'ranges', 'publish'];

/**
 * Where main-thread time goes: for each condition, each step's median over the pages (a page
 * without the step counts as 0) and its total. The medians need not add up to the median of
 * the whole.
 */
export function printStepTable(results: BenchResults): void {
  const conditions: [string, ScanFigures[]][] = results.sizes.map((size) => [
    `${size.toLocaleString('en-US')} cards`,
    results.pages.flatMap((r) => r.bySize.get(size) ?? []),
  ]);
  const restarted = results.pages.flatMap((r) => r.restart ?? []);
  if (restarted.length > 0 && results.restartSize)
    conditions.push([
      `${results.restartSize.toLocaleString('en-US')} cards, after worker restart`,
      restarted,
    ]);
  const seen = new Set(conditions.flatMap(([, all]) => all.flatMap((f) => Object.keys(f.steps))));
  const steps = [
    ...STEP_ORDER.filter((step) => seen.has(step)),
    ...[...seen].filter((s) => !STEP_ORDER.includes(s)),
  ];
  printTable(
    'Main-thread ms by step: median over the pages / total',
    ['condition', 'whole', ...steps],
    conditions.map(([name, all]) => [
      name,
      `${ms(median(all.map((f) => f.mainThreadMs)))} / ${ms(all.reduce((sum, f) => sum + f.mainThreadMs, 0))}`,
      ...steps.map((step) => {
        const values = all.map((f) => f.steps[step] ?? 0);
        return `${ms(median(values))} / ${ms(values.reduce((a, b) => a + b, 0))}`;
      }),
    ]),
  );
}

/** Per page at 1k terms: the floor, Backstory, mark.js both ways, and the ratios. */
export function printComparisonTable(results: BenchResults): void {
  if (results.markTerms === 0) return;
  const rows = results.pages.map((r) => {
    const ours = r.bySize.get(COMPARISON_SIZE)?.mainThreadMs;
    const base = ours === undefined ? undefined : Math.max(ours, TIMER_RESOLUTION_MS);
    const times = (run: MarkRun | undefined) =>
      run && base !== undefined ? ratio(run.ms / base, run.capped) : '–';
    const array = r.markArray;
    return [
      r.page.name,
      r.floor ? (r.floor.chars / 1000).toFixed(1) : '–',
      ms(r.floor?.ms),
      ms(ours),
      markMs(r.markRegExp),
      markMs(r.isolatedMarkRegExp),
      markMs(array),
      times(r.markRegExp),
      times(r.isolatedMarkRegExp),
      times(array),
      `${r.bySize.get(COMPARISON_SIZE)?.mentions ?? '–'} / ${r.markRegExp?.marks ?? '–'} / ${array?.marks ?? '–'}`,
      array?.capped ? `${array.termsReached} of ${results.markTerms}` : 'all',
    ];
  });
  printTable(
    `Side by side at ${results.markTerms.toLocaleString('en-US')} terms: main-thread ms per page`,
    [
      'page',
      'all text nodes (k chars)',
      'floor',
      'Backstory',
      'markRegExp',
      'markRegExp, isolated world',
      'mark(array)',
      'markRegExp / Backstory',
      'markRegExp, isolated world / Backstory',
      'mark(array) / Backstory',
      'marks (ours / RegExp / array)',
      'mark(array) terms done',
    ],
    rows,
  );
  console.log(
    '\n`> N`: stopped at its budget (the larger of --mark-cap and 25× Backstory’s time on the page), so N is a lower bound.',
  );
  for (const r of results.pages) {
    if (r.markArray?.failure) console.log(`† ${r.page.name}: mark(array) ${r.markArray.failure}.`);
  }
}
