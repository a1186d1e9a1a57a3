/** Which way the keyboard commands move. */
export type Direction = 'next' | 'previous';

/** Where a mention is in the viewport; undefined when it is not rendered (display: none…). */
export type MentionBox = { top: number; bottom: number } | undefined;

/**
 * The mention to move to. From the current mention: the nearest rendered one in
 * `direction`. With none current: for 'next', the first mention not above the viewport;
 * for 'previous', the last one not below it. Undefined at the ends: no wrapping, so the
 * reader can tell they reached the last mention.
 */
export function pickMention(
  direction: Direction,
  count: number,
  boxOf: (index: number) => MentionBox,
  viewportHeight: number,
  current?: number,
): number | undefined {
  const step = direction === 'next' ? 1 : -1;
  if (current !== undefined) {
    for (let i = current + step; i >= 0 && i < count; i += step) {
      if (boxOf(i)) return i;
    }
    return undefined;
  }
  const start = direction === 'next' ? 0 : count - 1;
  for (let i = start; i >= 0 && i < count; i += step) {
    const box = boxOf(i);
    if (!box) continue;
    if (direction === 'next' ? box.bottom > 0 : box.top < viewportHeight) return i;
  }
  return undefined;
}
