/** How much of each kind of DOM work the page does in one run. */
export interface WorkRounds {
  /** A small element with text added to the page and taken out again. */
  churn: number;
  /** The text of one text node replaced, as a ticking clock does. */
  edits: number;
  /** A container's `innerHTML` replaced, as a framework re-rendering a widget does. */
  renders: number;
}

/** The milliseconds the page spent on each kind of work. */
export interface WorkTimes {
  churn: number;
  edits: number;
  renders: number;
}

/**
 * Runs in the page's main world, as the page's own scripts would: a fixed amount of DOM work
 * in a box of its own at the end of the body, each kind timed by itself. The box's text has
 * no term in it, so nothing Backstory paints is touched. What Backstory adds to these times
 * is what it costs the page's scripts: its mutation observer's records, and the document
 * keeping every live Range up to date on every change. Self-contained: sent as source.
 */
export function doPageWork(rounds: WorkRounds): WorkTimes {
  const box = document.createElement('div');
  document.body.appendChild(box);
  // No inner functions: tsx would name them with a helper the page does not have.
  const t0 = performance.now();
  for (let i = 0; i < rounds.churn; i++) {
    const item = document.createElement('div');
    item.textContent = `item ${i}`;
    box.appendChild(item);
    item.remove();
  }
  const t1 = performance.now();
  const clock = document.createTextNode('0:00');
  box.appendChild(clock);
  const t2 = performance.now();
  for (let i = 0; i < rounds.edits; i++) clock.data = `${i >> 6}:${i & 63}`;
  const t3 = performance.now();
  for (let i = 0; i < rounds.renders; i++) box.innerHTML = `<span>row ${i}</span> <b>${i * 7}</b>`;
  const t4 = performance.now();
  box.remove();
  return { churn: t1 - t0, edits: t3 - t2, renders: t4 - t3 };
}

/**
 * Runs in the page's main world: a line at the end of the body whose number changes every
 * `intervalMs`, as a live blog's "updated N s ago" or a live counter does. Its text holds no
 * term. Self-contained: sent as source (the timer is kept in a page global,
 * `__backstoryBenchClock`).
 */
export function startTicking(intervalMs: number): void {
  const line = document.createElement('p');
  line.textContent = 'Updated 0 s ago';
  document.body.appendChild(line);
  const counter = line.firstChild as Text;
  let tick = 0;
  (window as unknown as Record<string, number>).__backstoryBenchClock = window.setInterval(() => {
    tick++;
    counter.data = `Updated ${tick} s ago`;
  }, intervalMs);
}

/** Runs in the page's main world: stops the clock `startTicking` started. */
export function stopTicking(): void {
  window.clearInterval((window as unknown as Record<string, number>).__backstoryBenchClock);
}
