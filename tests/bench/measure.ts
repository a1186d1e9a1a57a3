/**
 * Timing and memory helpers for the benchmark. Figures are medians of several runs,
 * because this machine is shared and single runs vary a lot.
 */

/** Middle value (mean of the two middle ones for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Milliseconds of each of `runs` calls of `fn`. */
export function timeRuns(runs: number, fn: () => void): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return times;
}

/** Median milliseconds of `fn` over `runs` calls, after `warmup` calls not counted. */
export function medianMs(runs: number, fn: () => void, warmup = 2): number {
  timeRuns(warmup, fn);
  return median(timeRuns(runs, fn));
}

/**
 * Median wall-clock and CPU milliseconds of `fn`. On a shared machine the wall clock also
 * counts time spent waiting for a core; the process's CPU time does not (it does count V8's
 * own helper threads, which are mostly idle once the code is warm).
 */
export function wallAndCpu(runs: number, fn: () => void, warmup = 2): { wall: number; cpu: number } {
  timeRuns(warmup, fn);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    fn();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

/** JS heap and typed-array memory in MB, after a full collection when `--expose-gc` is on. */
export function memoryMb(): { heap: number; arrays: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const usage = process.memoryUsage();
  return { heap: usage.heapUsed / 1e6, arrays: usage.arrayBuffers / 1e6 };
}

/** Characters per microsecond is MB/s, counting one UTF-16 unit as one byte. */
export function mbPerSecond(chars: number, ms: number): number {
  return chars / ms / 1000;
}

/**
 * Throughput of a matcher too slow to run on the whole text: runs it on doubling prefixes
 * until one run takes longer than `budgetMs` or the text is used up, and reports the last.
 */
export function cappedThroughput(
  text: string,
  budgetMs: number,
  fn: (text: string) => void,
): { chars: number; ms: number; mbs: number } {
  let chars = Math.min(1000, text.length);
  for (;;) {
    const start = performance.now();
    fn(text.slice(0, chars));
    const ms = performance.now() - start;
    if (ms > budgetMs || chars === text.length) return { chars, ms, mbs: mbPerSecond(chars, ms) };
    chars = Math.min(chars * 2, text.length);
  }
}

/** A number for the table: fixed decimals, fewer for big values. */
export function fmt(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value >= 1000 ? Math.round(value).toLocaleString('en-US') : value.toFixed(digits);
}

/** A speed ratio for the table: "523x", "2.4x" or "0.31x". */
export function ratio(value: number): string {
  return `${value >= 10 ? Math.round(value).toLocaleString('en-US') : value.toFixed(value >= 1 ? 1 : 2)}x`;
}
