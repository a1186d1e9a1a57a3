/** Name of the performance measures that record Backstory's main-thread slices. */
export const TASK_MEASURE = 'backstory-task';
/** Mark set when the content script starts. */
export const START_MARK = 'backstory-start';
/** Mark set when the first full scan has the worker's answer on whether to read the page. */
export const ANSWERED_MARK = 'backstory-answered';
/** Mark set when the first full scan of a page is painted. */
export const PAINTED_MARK = 'backstory-painted';

/** A mark (no `end`) or a measure, noted before the worker said whether to leave it. */
interface Entry {
  name: string;
  start: number;
  end?: number;
  detail?: string;
}

/**
 * The timing of one document's content scripts. `on` is undefined until the worker's first
 * answer about the page (see `decideTimeline`); meanwhile entries are `held`.
 */
interface Timing {
  on: boolean | undefined;
  held: Entry[];
}

/**
 * Where a document's timing is kept: on the global of the extension's world (an isolated
 * world in Chromium, a sandbox in Firefox), whose properties the page's scripts cannot see,
 * not in this module, so that a second copy of the script put into the same world keeps the
 * same timing, and a test starts a new document by deleting it. A symbol, not a name: a
 * window's named properties (an element's id, a frame's name) are read in that world too,
 * and could stand in for it before it is set.
 */
export const TIMING_KEY = Symbol.for('backstory.timing');

function timing(): Timing {
  const scope = globalThis as unknown as Record<symbol, Timing | undefined>;
  let found = scope[TIMING_KEY];
  if (!found) {
    found = { on: undefined, held: [] };
    scope[TIMING_KEY] = found;
  }
  return found;
}

function write({ name, start, end, detail }: Entry): void {
  if (end === undefined) performance.mark(name, { startTime: start });
  else performance.measure(name, { start, end, detail });
}

function note(entry: Entry): void {
  const { on, held } = timing();
  if (on === true) write(entry);
  else if (on === undefined) held.push(entry);
}

/** Notes a mark now (see `decideTimeline` for where it goes), and gives its time. */
export function noteMark(name: string): number {
  const start = performance.now();
  note({ name, start });
  return start;
}

/**
 * Notes a slice that began at `start` and ends now: one that could not be wrapped in
 * `timed`, such as evaluating the content script itself (see script-start.ts).
 */
export function noteSlice(step: string, start: number): void {
  if (timing().on === false) return;
  note({ name: TASK_MEASURE, start, end: performance.now(), detail: step });
}

/**
 * Runs a synchronous slice of work; when `record` is set, notes a measure of it (its `detail`
 * names the step), from which benchmarks take main-thread time and the longest task. Only
 * the first scan records, so a long-lived page does not collect entries forever. Work that
 * returns a promise (sending a message) is measured up to the moment it returns it.
 */
export function timed<T>(record: boolean, step: string, work: () => T): T {
  if (!record || timing().on === false) return work();
  const start = performance.now();
  try {
    return work();
  } finally {
    note({ name: TASK_MEASURE, start, end: performance.now(), detail: step });
  }
}

/**
 * Settles, once per document, where the timing goes, from the worker's answer about the
 * page: onto the page's performance timeline (the entries held so far with their own times,
 * the later ones as they come) when a developer turned that on (PAGE_TIMELINE_KEY in
 * lib/db/reader-settings.ts), else nowhere. The page's timeline is the page's own: its
 * scripts, and analytics that report user timing, read it.
 */
export function decideTimeline(on: boolean): void {
  const current = timing();
  if (current.on !== undefined) return;
  current.on = on;
  const held = current.held;
  current.held = [];
  if (on) for (const entry of held) write(entry);
}
