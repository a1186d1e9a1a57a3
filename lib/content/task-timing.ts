/** Name of the performance measures that record Backstory's main-thread slices. */
export const TASK_MEASURE = 'backstory-task';
/** Mark set when the content script starts. */
export const START_MARK = 'backstory-start';
/** Mark set when the document_start script asks the worker to wake (entrypoints/early.ts). */
export const WAKE_MARK = 'backstory-wake';
/** Mark set when the first full scan has the worker's answer on whether to read the page. */
export const ANSWERED_MARK = 'backstory-answered';
/** Mark set when the first full scan of a page is painted. */
export const PAINTED_MARK = 'backstory-painted';

/**
 * Runs a synchronous slice of work; when `record` is set, leaves a performance measure of
 * it (its `detail` names the step) on the page's timeline, where benchmarks read main-thread
 * time and the longest task. Only the first scan records, so a long-lived page does not
 * collect entries forever.
 */
export function timed<T>(record: boolean, step: string, work: () => T): T {
  if (!record) return work();
  const start = performance.now();
  try {
    return work();
  } finally {
    performance.measure(TASK_MEASURE, { start, end: performance.now(), detail: step });
  }
}
