/**
 * How a reader sees a mention: in the page's flow (scrolling brings it into view), in a
 * fixed or sticky layer (it stays on screen while the page scrolls, so scrolling the page
 * to it means nothing), or not at all (clipped away, off the page, hidden).
 */
export type MentionPlace = 'flow' | 'fixed' | 'hidden';

/** Text cut down to less than this, in either direction, is not something a reader sees. */
const MIN_PX = 4;

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** What one ancestor does to the boxes of what it holds. */
interface Layer {
  position: string;
  /** Its padding box, which clips in each axis whose overflow is not `visible`. */
  box: Box;
  x: 'clip' | 'scroll' | 'none';
  y: 'clip' | 'scroll' | 'none';
}

const axis = (overflow: string): Layer['x'] =>
  overflow === 'hidden' || overflow === 'clip' ? 'clip' : overflow === 'visible' ? 'none' : 'scroll';
// Overflow does not apply to these, whatever their computed `overflow` says.
const UNBOXED = new Set(['inline', 'contents']);

function parentOf(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const root = element.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

function intersect(a: Box, b: Box): Box {
  return {
    left: Math.max(a.left, b.left),
    top: Math.max(a.top, b.top),
    right: Math.min(a.right, b.right),
    bottom: Math.min(a.bottom, b.bottom),
  };
}

/**
 * Tells where the reader can see a mention, from the ancestors of its text. Meant for the
 * few mentions the keyboard walk considers, one walk at a time: each ancestor's style and
 * box is read once per instance (mentions in one carousel share them), so make a new one
 * when the page may have moved.
 */
export class MentionVisibility {
  private readonly layers = new Map<Element, Layer>();

  constructor(private readonly win: Window) {}

  /**
   * Where the text of `live` is for the reader. Hidden when its element does not render
   * (`checkVisibility`: display, visibility, opacity 0, content-visibility), when an
   * ancestor that clips its overflow (a zero-height box, a carousel's track, a 1 px
   * screen-reader-only box) leaves less than a few pixels of it, or when it lies wholly
   * outside what the page can scroll to (an off-canvas menu at a negative left).
   */
  placeOf(live: Range): MentionPlace {
    const node = live.startContainer;
    const element = node instanceof Element ? node : node.parentElement;
    if (!element || live.getClientRects().length === 0) return 'hidden';
    if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return 'hidden';
    const text = live.getBoundingClientRect();
    if (text.width < 1 || text.height < 1) return 'hidden';
    const need = { x: Math.min(MIN_PX, text.width), y: Math.min(MIN_PX, text.height) };
    const seen = (box: Box) => box.right - box.left >= need.x && box.bottom - box.top >= need.y;
    let visible: Box = { left: text.left, top: text.top, right: text.right, bottom: text.bottom };
    let place: MentionPlace = 'flow';
    // An absolutely positioned box escapes the clipping of ancestors up to its containing
    // block (the nearest positioned one); a fixed one escapes all of them.
    let escaping = false;
    const doc = element.ownerDocument;
    for (
      let at: Element | null = element;
      at && at !== doc.body && at !== doc.documentElement;
      at = parentOf(at)
    ) {
      const layer = this.layerOf(at);
      if (!escaping || layer.position !== 'static') {
        escaping = false;
        if (layer.x === 'clip')
          visible = intersect(visible, { ...visible, left: layer.box.left, right: layer.box.right });
        if (layer.y === 'clip')
          visible = intersect(visible, { ...visible, top: layer.box.top, bottom: layer.box.bottom });
        // A scrolling box can be scrolled to the text, but not if it has no room to show it.
        const room = {
          left: 0,
          top: 0,
          right: layer.box.right - layer.box.left,
          bottom: layer.box.bottom - layer.box.top,
        };
        if ((layer.x === 'scroll' || layer.y === 'scroll') && !seen(room)) return 'hidden';
        if (!seen(visible)) return 'hidden';
      }
      if (layer.position === 'sticky') place = 'fixed';
      if (layer.position === 'absolute') escaping = true;
      if (layer.position === 'fixed') {
        // It does not move with the page: what is off the window stays off it.
        const shown = { left: 0, top: 0, right: this.win.innerWidth, bottom: this.win.innerHeight };
        return seen(intersect(visible, shown)) ? 'fixed' : 'hidden';
      }
    }
    return seen(intersect(visible, this.scrollableArea(doc))) ? place : 'hidden';
  }

  /** What the page can be scrolled to show, in viewport coordinates. */
  private scrollableArea(doc: Document): Box {
    const root = doc.scrollingElement ?? doc.documentElement;
    const { scrollX, scrollY } = this.win;
    // A right-to-left page's scrollable overflow lies to the left of where it starts.
    const rtl = this.win.getComputedStyle(doc.documentElement).direction === 'rtl';
    const left = -scrollX - (rtl ? root.scrollWidth - root.clientWidth : 0);
    return { left, top: -scrollY, right: left + root.scrollWidth, bottom: -scrollY + root.scrollHeight };
  }

  private layerOf(element: Element): Layer {
    let layer = this.layers.get(element);
    if (!layer) {
      const style = this.win.getComputedStyle(element);
      const rect = element.getBoundingClientRect();
      const left = rect.left + element.clientLeft;
      const top = rect.top + element.clientTop;
      layer = {
        position: style.position,
        box: { left, top, right: left + element.clientWidth, bottom: top + element.clientHeight },
        x: UNBOXED.has(style.display) ? 'none' : axis(style.overflowX),
        y: UNBOXED.has(style.display) ? 'none' : axis(style.overflowY),
      };
      this.layers.set(element, layer);
    }
    return layer;
  }
}

/** True when `element` or an ancestor is fixed or sticky: it stays put while the page scrolls. */
export function inFixedLayer(element: Element, win: Window): boolean {
  const doc = element.ownerDocument;
  for (let at: Element | null = element; at && at !== doc.documentElement; at = parentOf(at)) {
    const { position } = win.getComputedStyle(at);
    if (position === 'fixed' || position === 'sticky') return true;
  }
  return false;
}
