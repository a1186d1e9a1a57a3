/**
 * Reads Backstory's timing from a page's performance timeline. The content script leaves
 * `backstory-start` at its first line, one `backstory-task` measure per synchronous slice of
 * its first scan (the first, `start`, is the script's own evaluation up to the end of its
 * `main`), and `backstory-painted` (lib/content/task-timing.ts), when the developers'
 * switch that `launchWithExtension` turns on says so. In Chromium an isolated world shares
 * the document's timeline, so the page's main world sees them.
 *
 * The slices do not cover everything the content script runs: receiving the worker's
 * answers happens between slices (sending the scan is a slice, `send`, and `page.state` is
 * sent in the `start` slice), and two slices can share one task when no
 * yield separates them. So the page also keeps every `longtask` (over 50 ms, any source);
 * a long task that overlaps one of Backstory's slices is a task Backstory ran in, and it
 * counts towards "longest task".
 */
import type { Page } from '@playwright/test';
import { median } from './format';

/** One entry on the timeline: start and duration in milliseconds. */
export interface Span {
  start: number;
  duration: number;
}

/** One of Backstory's slices, with the step it did (read, ranges, publish…). */
export interface Slice extends Span {
  step: string;
}

/** What one page load left on its timeline. */
export interface PageTimeline {
  started: number | undefined;
  /** When the reading script had the worker's answer on whether to read the page. */
  answered: number | undefined;
  painted: number | undefined;
  slices: Slice[];
  longTasks: Span[];
  mentions: number;
}

/** Name of the page global that collects long tasks from the start of each document. */
const LONG_TASKS = '__backstoryBenchLongTasks';

/** Starts collecting long tasks in every document the page opens, before any other script. */
export async function collectLongTasks(page: Page): Promise<void> {
  await page.addInitScript((key) => {
    const tasks: { start: number; duration: number }[] = [];
    (globalThis as unknown as Record<string, unknown>)[key] = tasks;
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      // No long task API: the slices alone then give the longest task.
    }
  }, LONG_TASKS);
}

/**
 * Waits until the first full scan is painted (or `timeoutMs` passes) and reads the timeline.
 * One promise inside the page, so waiting adds no polling work to the main thread.
 */
export function readTimeline(page: Page, timeoutMs: number): Promise<PageTimeline> {
  // Inside the page, no function is bound to a name: tsx's esbuild (keepNames) would wrap it
  // in a `__name` helper that exists only in Node. Functions stored on an object are safe.
  return page.evaluate(
    async ({ timeoutMs, key }) => {
      await new Promise<void>((done) => {
        const state: {
          observer?: PerformanceObserver;
          timer?: ReturnType<typeof setTimeout>;
          stop?: () => void;
        } = {};
        state.stop = () => {
          state.observer?.disconnect();
          clearTimeout(state.timer);
          done();
        };
        state.timer = setTimeout(state.stop, timeoutMs);
        state.observer = new PerformanceObserver((list) => {
          if (list.getEntriesByName('backstory-painted').length > 0) state.stop?.();
        });
        state.observer.observe({ type: 'mark', buffered: true });
      });
      const longTasks = (globalThis as unknown as Record<string, { start: number; duration: number }[]>)[key];
      return {
        started: performance.getEntriesByName('backstory-start')[0]?.startTime,
        answered: performance.getEntriesByName('backstory-answered')[0]?.startTime,
        painted: performance.getEntriesByName('backstory-painted')[0]?.startTime,
        slices: performance.getEntriesByName('backstory-task').map((e) => ({
          start: e.startTime,
          duration: e.duration,
          step: String((e as PerformanceMeasure).detail),
        })),
        longTasks: longTasks ? [...longTasks] : [],
        mentions: CSS.highlights.get('backstory-mention')?.size ?? 0,
      };
    },
    { timeoutMs, key: LONG_TASKS },
  );
}

/** Backstory's figures for one page load. */
export interface ScanFigures {
  /** From the content script's start to the first full scan painted; undefined if never painted. */
  paintedMs: number | undefined;
  /** From the content script's start to the worker's answer on whether to read the page. */
  answeredMs: number | undefined;
  /** Sum of the slices. */
  mainThreadMs: number;
  /** Longest slice, or longer: a long task that held one of the slices. */
  longestMs: number;
  /** True when a long task, not a slice, gave `longestMs`. */
  longestFromLongTask: boolean;
  slices: number;
  mentions: number;
  /** Main-thread milliseconds by step. */
  steps: Record<string, number>;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.start + b.duration && b.start < a.start + a.duration;
}

/** Reduces a timeline to the benchmark's figures. */
export function scanFigures(timeline: PageTimeline): ScanFigures {
  const { started, answered, painted, slices } = timeline;
  const longestSlice = Math.max(0, ...slices.map((s) => s.duration));
  const holding = timeline.longTasks.filter((task) => slices.some((s) => overlaps(task, s)));
  const longestHolding = Math.max(0, ...holding.map((t) => t.duration));
  return {
    paintedMs: started !== undefined && painted !== undefined ? painted - started : undefined,
    answeredMs: started !== undefined && answered !== undefined ? answered - started : undefined,
    mainThreadMs: slices.reduce((sum, s) => sum + s.duration, 0),
    longestMs: Math.max(longestSlice, longestHolding),
    longestFromLongTask: longestHolding > longestSlice,
    slices: slices.length,
    mentions: timeline.mentions,
    steps: stepTotals(slices),
  };
}

function stepTotals(slices: Slice[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const { step, duration } of slices) totals[step] = (totals[step] ?? 0) + duration;
  return totals;
}

/**
 * One page's figures over several visits: the median of each figure (a visit never painted
 * counts as infinitely slow), so one visit disturbed by other work on the machine does not
 * decide the page's row.
 */
export function medianFigures(visits: ScanFigures[]): ScanFigures {
  if (visits.length === 1) return visits[0] as ScanFigures;
  const mid = (pick: (f: ScanFigures) => number) => median(visits.map(pick));
  const painted = mid((f) => f.paintedMs ?? Number.POSITIVE_INFINITY);
  const longest = mid((f) => f.longestMs);
  /** The median over the visits that have the figure; undefined when none has it. */
  const midOfSome = (pick: (f: ScanFigures) => number | undefined) => {
    const values = visits.flatMap((f) => pick(f) ?? []);
    return values.length > 0 ? median(values) : undefined;
  };
  return {
    paintedMs: Number.isFinite(painted) ? painted : undefined,
    answeredMs: midOfSome((f) => f.answeredMs),
    mainThreadMs: mid((f) => f.mainThreadMs),
    longestMs: longest,
    longestFromLongTask: visits.some((f) => f.longestFromLongTask && f.longestMs >= longest),
    slices: Math.round(mid((f) => f.slices)),
    mentions: Math.round(mid((f) => f.mentions)),
    steps: Object.fromEntries(
      [...new Set(visits.flatMap((f) => Object.keys(f.steps)))].map((step) => [
        step,
        mid((f) => f.steps[step] ?? 0),
      ]),
    ),
  };
}
