/** Time Backstory may hold the main thread before it lets the page run (well under 50 ms). */
export const SLICE_MS = 8;

/** Gives the main thread back to the page for a moment, then resumes. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resume) => setTimeout(resume, 0));
}

/** How many items are looked at between two looks at the clock. */
const ITEMS_PER_CLOCK_CHECK = 256;

/**
 * The items that `keep` accepts, in order, looked at in slices of SLICE_MS with the main
 * thread given back between them: a rescan on a page of tens of thousands of mentions
 * checks each one, and in one go that took 51 ms at 19,000 mentions (a scratch page of
 * 20,000 custom elements; docs/annotation-bench.md, "Many components at once").
 */
export async function filterInSlices<T>(
  items: readonly T[],
  keep: (item: T) => boolean,
  now: () => number = () => performance.now(),
): Promise<T[]> {
  const kept: T[] = [];
  let deadline = now() + SLICE_MS;
  for (let i = 0; i < items.length; i++) {
    if (i % ITEMS_PER_CLOCK_CHECK === ITEMS_PER_CLOCK_CHECK - 1 && now() > deadline) {
      await yieldToMain();
      deadline = now() + SLICE_MS;
    }
    const item = items[i] as T;
    if (keep(item)) kept.push(item);
  }
  return kept;
}
