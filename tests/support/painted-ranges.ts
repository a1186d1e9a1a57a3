/** A box in viewport coordinates. */
export interface PaintedBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** One painted range as the page lays it out. */
export interface PaintedRange {
  text: string;
  /** Its bounding box. */
  box: PaintedBox;
  /** One box per line or piece. */
  rects: PaintedBox[];
}

/**
 * Runs in the page (hand it to `page.evaluate` with a highlight name, or a name prefix
 * ending in `*`): every range painted under that name, in the registry's order. Backstory
 * paints StaticRanges, which can be neither measured nor read as text, so each is measured
 * through a live Range over the same boundaries. Self-contained, since it is sent as source,
 * with no named inner function (tsx would name it with a helper the page lacks), and it calls
 * no array method that the hostile page (tests/e2e/hostile-dom.ts) replaces.
 */
export function readPainted(name: string): PaintedRange[] {
  const STALE = '(a painted range whose ends no longer fit its text)';
  const prefix = name.endsWith('*') ? name.slice(0, -1) : undefined;
  const out: PaintedRange[] = [];
  for (const [key, highlight] of CSS.highlights) {
    if (prefix === undefined ? key !== name : !key.startsWith(prefix)) continue;
    for (const painted of highlight) {
      const range = document.createRange();
      try {
        range.setStart(painted.startContainer, painted.startOffset);
        range.setEnd(painted.endContainer, painted.endOffset);
      } catch {
        // Its text got shorter and the rescan has not come yet: say so rather than throw.
        out[out.length] = { text: STALE, box: { left: 0, top: 0, right: 0, bottom: 0 }, rects: [] };
        continue;
      }
      const { left, top, right, bottom } = range.getBoundingClientRect();
      out[out.length] = {
        text: range.toString(),
        box: { left, top, right, bottom },
        rects: [...range.getClientRects()].map((r) => ({
          left: r.left,
          top: r.top,
          right: r.right,
          bottom: r.bottom,
        })),
      };
    }
  }
  return out;
}
