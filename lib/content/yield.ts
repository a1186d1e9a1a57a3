/** Time Backstory may hold the main thread before it lets the page run (well under 50 ms). */
export const SLICE_MS = 8;

/** Gives the main thread back to the page for a moment, then resumes. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resume) => setTimeout(resume, 0));
}
