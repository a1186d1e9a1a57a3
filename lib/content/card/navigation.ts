import type { MentionPlace } from './mention-visibility';

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
 * counts as seen in the flow.
 */
export function pickMention(
  direction: Direction,
  count: number,
  boxOf: (index: number) => MentionBox,
  viewportHeight: number,
  current?: number,
  placeOf: (index: number) => MentionPlace = () => 'flow',
): number | undefined {
  const step = direction === 'next' ? 1 : -1;
  if (current !== undefined) {
    for (let i = current + step; i >= 0 && i < count; i += step) {
      if (boxOf(i) && placeOf(i) !== 'hidden') return i;
    }
    return undefined;
  }
  const start = direction === 'next' ? 0 : count - 1;
  for (let i = start; i >= 0 && i < count; i += step) {
    const box = boxOf(i);
    if (!box) continue;
    if (direction === 'next' ? box.bottom <= 0 : box.top >= viewportHeight) continue;
    if (placeOf(i) === 'flow') return i;
  }
  return undefined;
}
