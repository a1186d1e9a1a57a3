/**
 * The summary: medians and worst cases for each condition, then the issue's targets, each
 * judged on the unrounded figures and marked "met" or "NOT MET".
 */
import { median, ms, printTable, ratio } from './format';
import type { FloorRun, MarkRun } from './markjs-runner';
import { type BenchResults, COMPARISON_SIZE, type PageResult, TIMER_RESOLUTION_MS } from './results';
import type { ScanFigures } from './timeline';

/** The issue's targets. */
const TARGET_SIZE = 100_000;
const PAINTED_TARGET_MS = 150;
const LONGEST_TARGET_MS = 50;
const FLOOR_TARGET = 3;
const MARK_REGEXP_TARGET = 3;
const MARK_ARRAY_TARGET = 20;

/** One measured condition: a dictionary size with a warm worker, or the restart visits. */
interface Condition {
  label: string;
  size: number;
  rows: { result: PageResult; figures: ScanFigures }[];
}

function conditions(results: BenchResults): Condition[] {
  const warm = results.sizes.map((size) => ({
    label: `${size.toLocaleString('en-US')} cards`,
    size,
    rows: results.pages.flatMap((result) => {
      const figures = result.bySize.get(size);
      return figures ? [{ result, figures }] : [];
    }),
  }));
  const restartSize = results.restartSize;
  if (restartSize === undefined) return warm;
  const rows = results.pages.flatMap((result) =>
    result.restart ? [{ result, figures: result.restart }] : [],
  );
  return [
    ...warm,
    { label: `${restartSize.toLocaleString('en-US')} cards, after worker restart`, size: restartSize, rows },
  ];
}

/** A page never painted has no finite time to painted: it counts as infinitely slow. */
function paintedOrInfinity(figures: ScanFigures): number {
  return figures.paintedMs ?? Number.POSITIVE_INFINITY;
}

/** Median of a figure over the condition's pages that have it. */
function medianOf(condition: Condition, pick: (f: ScanFigures) => number | undefined): string {
  const values = condition.rows.flatMap(({ figures }) => {
    const value = pick(figures);
    return value === undefined ? [] : [value];
  });
  return values.length > 0 ? ms(median(values)) : '–';
}

function worst(condition: Condition, pick: (f: ScanFigures) => number): string {
  let top: { value: number; page: string } | undefined;
  for (const { result, figures } of condition.rows) {
    const value = pick(figures);
    if (!top || value > top.value) top = { value, page: result.page.name };
  }
  return top ? `${ms(top.value)} (${top.page})` : '–';
}

function floorRatios(
  condition: Condition,
  pick: (r: PageResult) => FloorRun | undefined = (r) => r.floor,
  ours: (f: ScanFigures) => number = (f) => f.mainThreadMs,
): number[] {
  return condition.rows.flatMap(({ result, figures }) => {
    const floor = pick(result);
    return floor ? [ours(figures) / Math.max(floor.ms, TIMER_RESOLUTION_MS)] : [];
  });
}

/**
 * The part of main-thread time that any content script reading a page and matching in the
 * worker pays before and beside the reading: starting the script, and sending the text.
 */
const startAndSend = (f: ScanFigures) => (f.steps.start ?? 0) + (f.steps.send ?? 0);

const isolated = (r: PageResult) => r.isolatedFloor;

function printConditions(results: BenchResults, all: Condition[]): void {
  const rows = all.map((c) => {
    const painted = c.rows.map((r) => paintedOrInfinity(r.figures));
    const over = c.rows.filter((r) => r.figures.longestMs > LONGEST_TARGET_MS).length;
    const rebuild = c.label.includes('restart') ? '–' : ms(results.rebuildMs.get(c.size));
    return [
      c.label,
      `${painted.filter(Number.isFinite).length} of ${c.rows.length}`,
      ms(median(painted)),
      worst(c, paintedOrInfinity),
      medianOf(c, (f) => f.answeredMs),
      ms(median(c.rows.map((r) => r.figures.mainThreadMs))),
      worst(c, (f) => f.mainThreadMs),
      ms(median(c.rows.map((r) => r.figures.longestMs))),
      worst(c, (f) => f.longestMs),
      String(over),
      ratio(median(floorRatios(c))),
      ratio(median(floorRatios(c, isolated))),
      rebuild,
    ];
  });
  printTable(
    'Summary: medians and worst pages',
    [
      'condition',
      'painted pages',
      'median painted ms',
      'worst painted ms',
      'median worker answered ms after start',
      'median main-thread ms',
      'worst main-thread ms',
      'median longest ms',
      'worst longest ms',
      `pages with a task > ${LONGEST_TARGET_MS} ms`,
      'median main-thread / floor',
      'median main-thread / floor in an isolated world',
      'first scan after loading (matcher rebuild) ms',
    ],
    rows,
  );
}

type Verdict = [target: string, measured: string, verdict: string];

function verdict(met: boolean | undefined): string {
  if (met === undefined) return 'not measured';
  return met ? 'met' : 'NOT MET';
}

/** Per-page ratios mark.js / Backstory at 1k; a run stopped at its budget gives a lower bound. */
function markRatios(results: BenchResults, pick: (r: PageResult) => MarkRun | undefined) {
  return results.pages.flatMap((r) => {
    const ours = r.bySize.get(COMPARISON_SIZE);
    const run = pick(r);
    if (!ours || !run) return [];
    return [{ value: run.ms / Math.max(ours.mainThreadMs, TIMER_RESOLUTION_MS), lowerBound: run.capped }];
  });
}

function markVerdict(
  results: BenchResults,
  name: string,
  target: number,
  pick: (r: PageResult) => MarkRun | undefined,
): Verdict {
  const label = `main-thread ≥ ${target}× less than ${name} at 1k terms (median of per-page ratios)`;
  const ratios = markRatios(results, pick);
  if (ratios.length === 0) return [label, '–', verdict(undefined)];
  const mid = median(ratios.map((r) => r.value));
  const capped = ratios.filter((r) => r.lowerBound).length;
  const meeting = ratios.filter((r) => r.value >= target).length;
  // Capped ratios are lower bounds, so the median is one too: "met" is then still proven.
  // A miss is real when every capped ratio already reaches the target (raising them cannot
  // move the median below it); otherwise it could be an artefact of the budget.
  const unsettled = ratios.some((r) => r.lowerBound && r.value < target);
  const met = mid >= target ? true : unsettled ? undefined : false;
  const measured = `${ratio(mid, capped > 0)} (${meeting} of ${ratios.length} pages reach ${target}×${capped > 0 ? `; ${capped} stopped at the budget` : ''})`;
  return [label, measured, met === undefined ? 'NOT SHOWN: raise --mark-cap' : verdict(met)];
}

function targets(results: BenchResults, all: Condition[]): Verdict[] {
  const verdicts: Verdict[] = [];
  const big = all.filter((c) => c.size === TARGET_SIZE);
  for (const label of ['warm worker', 'after worker restart']) {
    const c = big.find((x) => x.label.includes('restart') === (label !== 'warm worker'));
    const name = `median time to painted ≤ ${PAINTED_TARGET_MS} ms at 100k cards, ${label}`;
    if (!c || c.rows.length === 0) {
      verdicts.push([name, '–', verdict(undefined)]);
      continue;
    }
    const mid = median(c.rows.map((r) => paintedOrInfinity(r.figures)));
    verdicts.push([name, `${ms(mid)} ms over ${c.rows.length} pages`, verdict(mid <= PAINTED_TARGET_MS)]);
  }
  for (const c of all) {
    const over = c.rows.filter((r) => r.figures.longestMs > LONGEST_TARGET_MS).length;
    verdicts.push([
      `longest Backstory task ≤ ${LONGEST_TARGET_MS} ms on every page, ${c.label}`,
      `worst ${worst(c, (f) => f.longestMs)}; ${over} of ${c.rows.length} pages over`,
      verdict(c.rows.length > 0 ? over === 0 : undefined),
    ]);
  }
  for (const c of all.filter((x) => !x.label.includes('restart'))) {
    const ratios = floorRatios(c);
    const mid = median(ratios);
    const within = ratios.filter((r) => r <= FLOOR_TARGET).length;
    verdicts.push([
      `main-thread within ${FLOOR_TARGET}× of the floor, ${c.label} (median of per-page ratios)`,
      ratios.length ? `${ratio(mid)} (${within} of ${ratios.length} pages within ${FLOOR_TARGET}×)` : '–',
      verdict(ratios.length ? mid <= FLOOR_TARGET : undefined),
    ]);
    const fixed = floorRatios(c, undefined, startAndSend);
    verdicts.push([
      `of which starting the script and sending the text alone, ${c.label} (median of per-page ratios to the floor)`,
      fixed.length ? ratio(median(fixed)) : '–',
      'for comparison (not the target)',
    ]);
  }
  verdicts.push(markVerdict(results, 'markRegExp', MARK_REGEXP_TARGET, (r) => r.markRegExp));
  verdicts.push(markVerdict(results, 'mark(array)', MARK_ARRAY_TARGET, (r) => r.markArray));
  // Like for like, not the issue's measure: mark.js where a highlighter extension runs it.
  const [label, measured] = markVerdict(
    results,
    'markRegExp',
    MARK_REGEXP_TARGET,
    (r) => r.isolatedMarkRegExp,
  );
  verdicts.push([
    label.replace('markRegExp', 'markRegExp run in an isolated world'),
    measured,
    'for comparison (not the target)',
  ]);
  return verdicts;
}

/** Prints the summary and the targets table. */
export function printSummary(results: BenchResults): void {
  const all = conditions(results);
  printConditions(results, all);
  printTable('Targets (issue 4)', ['target', 'measured', 'verdict'], targets(results, all));
}
