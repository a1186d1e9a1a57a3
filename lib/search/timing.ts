/** Gives the event loop a turn, so long work leaves room for typing and painting. */
export type Yield = () => Promise<void>;

/** A task later: input and rendering queued meanwhile go first. */
export const giveTurn: Yield = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A frame, then a task: the browser has painted what was rendered before. */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(resolve, 0));
    else setTimeout(resolve, 0);
  });
}
