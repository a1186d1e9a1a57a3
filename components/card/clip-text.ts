const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Shortens `text` to at most `max` UTF-16 units plus an ellipsis, cutting between
 * graphemes (never inside an emoji or a surrogate pair) and, when one is near, at a space.
 * A card is a glance: a 100 KB summary would cost layout time and bury the actions.
 */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = 0;
  // Only the head is segmented, so the cost does not grow with the text.
  for (const { segment, index } of segmenter.segment(text.slice(0, max + 32))) {
    if (index + segment.length > max) break;
    end = index + segment.length;
  }
  const space = text.lastIndexOf(' ', end);
  if (space > end - 40 && space > 0) end = space;
  return `${text.slice(0, end).trimEnd()}…`;
}
