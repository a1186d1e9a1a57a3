/** What one scroll through a page took, timed in the page. */
export interface ScrollSteps {
  /** Scroll steps taken. */
  steps: number;
  /** The longest step, from the scroll to the second frame after it, ms. */
  worstStep: number;
  /** From the first scroll to the second frame after the last, ms. */
  allSteps: number;
}

/**
 * Runs in the page: scrolls down by 80% of the window at a time (instantly, whatever the
 * page's `scroll-behavior`), waiting two animation frames after each step, until the end
 * or `maxSteps`. Used by the Chromium and the Firefox runs. No named inner function: tsx
 * would name it with a helper the page lacks.
 */
export async function scrollThrough(maxSteps: number): Promise<ScrollSteps> {
  const stepPx = Math.max(1, Math.round(innerHeight * 0.8));
  const room = document.documentElement.scrollHeight - innerHeight - scrollY;
  const steps = Math.max(0, Math.min(maxSteps, Math.ceil(room / stepPx)));
  let worstStep = 0;
  const started = performance.now();
  for (let i = 0; i < steps; i++) {
    const start = performance.now();
    window.scrollBy({ top: stepPx, behavior: 'instant' });
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    worstStep = Math.max(worstStep, performance.now() - start);
  }
  return { steps, worstStep, allSteps: performance.now() - started };
}
