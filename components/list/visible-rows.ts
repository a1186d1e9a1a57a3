/** The rows a virtualised list renders: the visible ones, some either side, and the active one. */
export interface RowWindow {
  from: number;
  /** Exclusive. */
  to: number;
}

/** Rows drawn beyond each edge of the viewport, so fast scrolling never shows a gap. */
export const OVERSCAN = 20;

/** Which rows of `count` to render for a viewport of `height` px scrolled to `scrollTop`. */
export function visibleRows(count: number, rowHeight: number, scrollTop: number, height: number): RowWindow {
  const first = Math.floor(scrollTop / rowHeight);
  const last = Math.ceil((scrollTop + height) / rowHeight);
  return { from: Math.max(0, first - OVERSCAN), to: Math.min(count, last + OVERSCAN) };
}

/**
 * The row indexes to render: the window (clamped: it may date from a longer list), plus
 * the active row when outside it, since it may hold focus.
 */
export function rowsToRender({ from, to }: RowWindow, active: number, count: number): number[] {
  const rows: number[] = [];
  for (let i = from; i < Math.min(to, count); i++) rows.push(i);
  if (active >= 0 && active < count && (active < from || active >= to)) rows.push(active);
  return rows;
}

/** The scrollTop that brings row `index` fully into view, or undefined when it already is. */
export function scrollToReveal(
  index: number,
  rowHeight: number,
  scrollTop: number,
  height: number,
): number | undefined {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + height) return top + rowHeight - height;
  return undefined;
}
