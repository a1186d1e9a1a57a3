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
  /**
   * It is the containing block of fixed (and absolute) descendants, though not positioned
   * itself: a transform, filter, `will-change` of either, or layout or paint containment.
   */
  holdsFixed: boolean;
  /**
   * Where its scrolling can bring into its box, in viewport coordinates (unbounded on an
   * axis that does not scroll). Whether the overflow lies after the start (LTR) or before
   * it (RTL, a reversed flexbox) is not worked out: either counts, so nothing reachable is
   * missed; what lies beyond both (a screen-reader-only span at left −10000 px) is not.
   */
  reach: Box;
}

/** Whether a computed style makes its element the containing block of fixed descendants. */
function holdsFixed(style: CSSStyleDeclaration): boolean {
  const has = (value: string | undefined) => Boolean(value) && value !== 'none';
  return (
    has(style.transform) ||
    has(style.perspective) ||
    has(style.filter) ||
    has(style.backdropFilter) ||
    /transform|perspective|filter/.test(style.willChange ?? '') ||
    /strict|content|layout|paint/.test(style.contain ?? '') ||
    style.contentVisibility === 'auto'
  );
}

const axis = (overflow: string): Layer['x'] =>
  overflow === 'hidden' || overflow === 'clip' ? 'clip' : overflow === 'visible' ? 'none' : 'scroll';
// Overflow does not apply to these, whatever their computed `overflow` says.
const UNBOXED = new Set(['inline', 'contents']);

/** The element around `element` on screen: its parent, or, at the top of a shadow root, the host. */
export function parentOf(element: Element): Element | null {
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
  private area: Box | undefined;

  constructor(private readonly win: Window) {}

  /**
   * Where the text of `live` is for the reader. Hidden when its element does not render
   * (`checkVisibility`: display, visibility, opacity 0, content-visibility), when an
   * ancestor that clips its overflow (a zero-height box, a carousel's track, a 1 px
   * screen-reader-only box) leaves less than a few pixels of it, or when it lies wholly
   * outside what the page can scroll to (an off-canvas menu at a negative left). Text in a
   * scrolling box counts wherever it is in the box (an app shell's `<main>`, a wide table):
   * the reader can scroll it into the box, which must then be seen itself.
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
    const shown = { left: 0, top: 0, right: this.win.innerWidth, bottom: this.win.innerHeight };
    let visible: Box = { left: text.left, top: text.top, right: text.right, bottom: text.bottom };
    let place: MentionPlace = 'flow';
    // An absolutely positioned box escapes the clipping and scrolling of ancestors up to its
    // containing block (the nearest positioned one, or one that holds fixed boxes); a fixed
    // one escapes all of them, unless an ancestor holds fixed boxes.
    let escaping: 'absolute' | 'fixed' | undefined;
    const doc = element.ownerDocument;
    for (
      let at: Element | null = element;
      at && at !== doc.body && at !== doc.documentElement;
      at = parentOf(at)
    ) {
      const layer = this.layerOf(at);
      const holds =
        escaping === undefined ||
        layer.holdsFixed ||
        (escaping === 'absolute' && layer.position !== 'static');
      // What an escaping box passes by neither clips nor moves it.
      if (!holds) continue;
      escaping = undefined;
      // A scrolling box can be scrolled to the text, but not if it has no room to show it.
      const room = {
        left: 0,
        top: 0,
        right: layer.box.right - layer.box.left,
        bottom: layer.box.bottom - layer.box.top,
      };
      if ((layer.x === 'scroll' || layer.y === 'scroll') && !seen(room)) return 'hidden';
      // What a box clips is cut away; what it scrolls to can be brought into it, so from
      // here up it is the box that must be seen on that axis.
      visible = intersect(visible, layer.reach);
      if (layer.x === 'clip')
        visible = intersect(visible, { ...visible, left: layer.box.left, right: layer.box.right });
      if (layer.x === 'scroll') visible = { ...visible, left: layer.box.left, right: layer.box.right };
      if (layer.y === 'clip')
        visible = intersect(visible, { ...visible, top: layer.box.top, bottom: layer.box.bottom });
      if (layer.y === 'scroll') visible = { ...visible, top: layer.box.top, bottom: layer.box.bottom };
      if (!seen(visible)) return 'hidden';
      // A sticky box counts as fixed only while stuck. Where it would sit in the flow is not
      // cheap to know, so this takes one wholly outside the window as not stuck (it moves
      // with what scrolls it), and one in the window as stuck, which it may not be yet.
      if (layer.position === 'sticky' && seen(intersect(layer.box, shown))) place = 'fixed';
      if (layer.position === 'absolute') escaping = 'absolute';
      if (layer.position === 'fixed') {
        if (this.fixedHolderAbove(at)) {
          escaping = 'fixed';
          continue;
        }
        // It does not move with the page: what is off the window stays off it.
        return seen(intersect(visible, shown)) ? 'fixed' : 'hidden';
      }
    }
    return seen(intersect(visible, this.scrollableArea(doc))) ? place : 'hidden';
  }

  /** Whether an ancestor of `element` (up to `<html>`) holds fixed boxes, so they scroll with it. */
  private fixedHolderAbove(element: Element): boolean {
    for (let at = parentOf(element); at; at = parentOf(at)) {
      if (this.layerOf(at).holdsFixed) return true;
    }
    return false;
  }

  /** What the page can be scrolled to show, in viewport coordinates; read once per instance. */
  private scrollableArea(doc: Document): Box {
    if (this.area) return this.area;
    const root = doc.scrollingElement ?? doc.documentElement;
    const { scrollX, scrollY } = this.win;
    // A right-to-left page's scrollable overflow lies to the left of where it starts. The
    // page's direction is <body>'s when it has one, not <html>'s (CSS Writing Modes: the
    // principal writing mode), and Chromium scrolls by it.
    const principal = doc.body ?? doc.documentElement;
    const rtl = this.win.getComputedStyle(principal).direction === 'rtl';
    const left = -scrollX - (rtl ? root.scrollWidth - root.clientWidth : 0);
    this.area = { left, top: -scrollY, right: left + root.scrollWidth, bottom: -scrollY + root.scrollHeight };
    return this.area;
  }

  private layerOf(element: Element): Layer {
    let layer = this.layers.get(element);
    if (!layer) {
      const style = this.win.getComputedStyle(element);
      const rect = element.getBoundingClientRect();
      const left = rect.left + element.clientLeft;
      const top = rect.top + element.clientTop;
      const box = { left, top, right: left + element.clientWidth, bottom: top + element.clientHeight };
      const x = UNBOXED.has(style.display) ? 'none' : axis(style.overflowX);
      const y = UNBOXED.has(style.display) ? 'none' : axis(style.overflowY);
      const reach = { left: -Infinity, top: -Infinity, right: Infinity, bottom: Infinity };
      if (x === 'scroll') {
        const { scrollLeft, scrollWidth } = element;
        reach.left = box.right - scrollLeft - scrollWidth;
        reach.right = box.left - scrollLeft + scrollWidth;
      }
      if (y === 'scroll') {
        const { scrollTop, scrollHeight } = element;
        reach.top = box.bottom - scrollTop - scrollHeight;
        reach.bottom = box.top - scrollTop + scrollHeight;
      }
      layer = { position: style.position, box, x, y, holdsFixed: holdsFixed(style), reach };
      this.layers.set(element, layer);
    }
    return layer;
  }
}

/**
 * True when `element` or an ancestor is fixed or sticky: it stays put while the page
 * scrolls. A fixed box under an ancestor that holds fixed boxes (a transform, a filter)
 * scrolls with that ancestor, so it does not count.
 */
export function inFixedLayer(element: Element, win: Window): boolean {
  const doc = element.ownerDocument;
  let fixed = false;
  for (let at: Element | null = element; at; at = parentOf(at)) {
    const style = win.getComputedStyle(at);
    if (fixed && holdsFixed(style)) fixed = false;
    if (at === doc.documentElement) break;
    if (style.position === 'sticky') return true;
    if (style.position === 'fixed') fixed = true;
  }
  return fixed;
}
