import { autoUpdate, computePosition, flip, hide, inline, offset, shift, size } from '@floating-ui/dom';

/** A point in viewport coordinates. */
export interface Point {
  x: number;
  y: number;
}

const EDGE = 8;

function contextElement(range: Range): Element | undefined {
  const node = range.commonAncestorContainer;
  return (node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement) ?? undefined;
}

/** A card following its mention; see followRange. */
export interface Follower {
  /** Stops following and hides the card. */
  stop(): void;
  /** Where the mention was last placed against, in viewport coordinates; undefined before that. */
  lastBox(): DOMRect | undefined;
}

/**
 * Keeps `floating` next to the mention's range until `stop` is called: below it, or above
 * when there is no room (flip), slid back inside the viewport (shift), never taller than the
 * room left (size), hidden while the mention is scrolled out of its container (hide), unless
 * `keepShown` says otherwise: a card that holds focus stays drawn, since hiding it would
 * drop focus to the page's body. When the mention wraps, `inline` places the card under the
 * whole mention if its lines overlap side by side (a card under the hovered line would cover
 * the next), and under the line at `point` if they are apart. Floating UI follows scrolling
 * in every ancestor of the mention and resizes of either side.
 */
export function followRange(
  range: Range,
  floating: HTMLElement,
  point?: Point,
  keepShown: () => boolean = () => false,
): Follower {
  // A mention's range is never empty, so a collapsed one lost its text (the page replaced
  // the node): the card keeps its last place until a rescan finds the mention again.
  let last: DOMRect | undefined;
  const box = () => {
    if (!range.collapsed || !last) last = range.getBoundingClientRect();
    return last;
  };
  const reference = {
    getBoundingClientRect: box,
    getClientRects: () => (range.collapsed ? [box()] : range.getClientRects()),
    contextElement: contextElement(range),
  };
  let stopped = false;
  const update = () => {
    computePosition(reference, floating, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        inline(point),
        offset(6),
        flip({ padding: EDGE }),
        shift({ padding: EDGE }),
        size({
          padding: EDGE,
          apply: ({ availableHeight, elements }) => {
            const height = Math.max(120, Math.min(480, Math.floor(availableHeight)));
            elements.floating.style.setProperty('--bs-max-height', `${height}px`);
          },
        }),
        hide(),
      ],
    }).then(({ x, y, middlewareData }) => {
      if (stopped) return;
      // Whole pixels: text rasterises the same wherever the card lands. A transform, not
      // left/top: the Layout Instability API leaves transforms out, so a card following its
      // mention as the page scrolls is not counted as a layout shift against the site.
      floating.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
      const hidden = middlewareData.hide?.referenceHidden && !keepShown();
      floating.style.visibility = hidden ? 'hidden' : 'visible';
    });
  };
  // Visible at once: the first placement lands in a microtask, before anything is painted,
  // and a hidden element could not take focus.
  floating.style.visibility = 'visible';
  const cleanup = autoUpdate(reference, floating, update);
  // Focus leaving the card may let it hide now, not at the next scroll. Not on a move
  // inside it (Tab, a click on a button): between the two elements the card holds no
  // focus, and hiding it then would drop focus to the page's body.
  const onFocusOut = (event: FocusEvent) => {
    if (!floating.contains(event.relatedTarget as Node | null)) update();
  };
  floating.addEventListener('focusout', onFocusOut);
  return {
    stop: () => {
      stopped = true;
      cleanup();
      floating.removeEventListener('focusout', onFocusOut);
      floating.style.visibility = '';
    },
    lastBox: () => last,
  };
}
