import type { MentionPlace } from './mention-visibility';

/** How long one step of the walk may look at candidates, in ms (a task should stay under 50). */
export const WALK_BUDGET_MS = 10;

/** Which way the keyboard commands move. */
export type Direction = 'next' | 'previous';

/** Where a mention is in the viewport; undefined when it is not rendered (display: none…). */
export type MentionBox = { top: number; bottom: number } | undefined;

/**
 * The mention to move to. From the current mention: the nearest one in `direction` that
 * the reader can see. With none current: for 'next', the first mention in the page's flow
 * not above the viewport; for 'previous', the last one not below it. A mention in a fixed
 * or sticky header does not count there: it is on screen wherever the reader is, so it
 * says nothing of where they are reading (it is reached by moving from its neighbours).
 * Undefined at the ends: no wrapping, so the reader can tell they reached the last mention.
 *
 * `placeOf` is asked only of the candidates, in order, up to the first that fits: on a page
 * with thousands of mentions, a walk looks at a few. Without it every rendered mention
 * counts as seen in the flow. A long run of hidden ones (a closed menu of thousands) is
 * looked at for WALK_BUDGET_MS at most, from the first candidate on: the content script
 * must not hold the page for longer. It then returns undefined with `resume.at` set to the
 * mention it would have looked at next, and the caller goes on from there in a later task
 * (`from` starts the search from the viewport at that mention). `now` is the clock.
 */
export function pickMention(
  direction: Direction,
  count: number,
  boxOf: (index: number) => MentionBox,
  viewportHeight: number,
  current?: number,
  placeOf: (index: number) => MentionPlace = () => 'flow',
  now: () => number = () => performance.now(),
  resume: { at?: number } = {},
  from?: number,
): number | undefined {
  const step = direction === 'next' ? 1 : -1;
  let deadline: number | undefined;
  const outOfTime = () => {
    const time = now();
    deadline ??= time + WALK_BUDGET_MS;
    return time > deadline;
  };
  if (current !== undefined) {
    for (let i = current + step; i >= 0 && i < count; i += step) {
      if (outOfTime()) {
        resume.at = i;
        return undefined;
      }
      if (boxOf(i) && placeOf(i) !== 'hidden') return i;
    }
    return undefined;
  }
  const start = from ?? (direction === 'next' ? 0 : count - 1);
  for (let i = start; i >= 0 && i < count; i += step) {
    const box = boxOf(i);
    if (!box) continue;
    if (direction === 'next' ? box.bottom <= 0 : box.top >= viewportHeight) continue;
    if (outOfTime()) {
      resume.at = i;
      return undefined;
    }
    if (placeOf(i) === 'flow') return i;
  }
  return undefined;
}
