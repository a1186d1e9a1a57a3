/** Tag name of the one element Backstory adds to a page. */
export const HOST_TAG = 'backstory-card';

// Inline `!important` declarations outrank every page rule, even `!important` ones, so a
// page cannot hide, move or restyle the host. `all: initial` also stops inherited fonts
// and colours at the boundary. No transform, filter or contain here: any of them would
// make the host the containing block of the fixed-position card.
const HOST_STYLE = [
  'all: initial',
  'display: block',
  'position: fixed',
  'inset: 0 auto auto 0',
  'width: 0',
  'height: 0',
  'margin: 0',
  'overflow: visible',
  'z-index: 2147483647',
  'direction: ltr',
  'visibility: visible',
  'opacity: 1',
  'pointer-events: none',
  // Out of a select-all of the page: Ctrl+A, Ctrl+C copied an open card with the article.
  'user-select: none',
]
  .map((rule) => `${rule} !important;`)
  .join(' ');

// Stays hidden until Floating UI has placed it, which happens before the next paint. Never
// printed: a card left open when the reader prints would cover the article on paper.
const FLOAT_CSS = `
.bs-float { position: fixed; top: 0; left: 0; width: max-content; pointer-events: auto; visibility: hidden; }
.bs-float.bs-selectable { user-select: text; }
@media print { .bs-float { display: none !important; } }
`;

/**
 * Cancels a CSS `zoom` the page puts on `<html>`, which the host would otherwise inherit:
 * the card would be drawn larger, and Floating UI's coordinates, which are the viewport's,
 * would be multiplied too, putting the card away from its mention. Looked at each time the
 * card opens, as a page may zoom at any time.
 */
function unzoom(host: HTMLElement, parent: Element): void {
  const view = parent.ownerDocument.defaultView;
  const zoom = view ? Number.parseFloat(view.getComputedStyle(parent).zoom) : 1;
  if (Number.isFinite(zoom) && zoom > 0 && zoom !== 1)
    host.style.setProperty('zoom', String(1 / zoom), 'important');
  else host.style.removeProperty('zoom');
}

/** The card's home on the page: a host element with a closed shadow root. */
export interface CardHost {
  /** The element the card renders into and Floating UI positions; creates the host on first use. */
  float(): HTMLElement;
  /** True when `target` is the host: events from inside a shadow root are retargeted to it. */
  isHost(target: EventTarget | null): boolean;
  /** The focused element inside the card, if focus is there. */
  activeElement(): Element | null;
  /**
   * Takes the host off the page while no card is open, so a page finds no trace of a card
   * having been opened; the next `float()` puts it back, shadow root and all.
   */
  release(): void;
}

/**
 * Creates the card host lazily: nothing is added to the page until a card opens, and it is
 * taken off again when the card closes (`release`). The host goes on `<html>`, after
 * `<body>`, so it wins z-index ties by document order and leaves the page's own body
 * untouched. The shadow root is closed, so page scripts get
 * `null` from `host.shadowRoot` and cannot read the reader's cards. `css` styles what
 * renders inside. Removed on abort.
 */
export function createCardHost(doc: Document, signal: AbortSignal, css = ''): CardHost {
  let host: HTMLElement | undefined;
  let root: ShadowRoot | undefined;
  let float: HTMLElement | undefined;

  const mount = (): HTMLElement => {
    if (!host || !root || !float) {
      host = doc.createElement(HOST_TAG);
      host.setAttribute('style', HOST_STYLE);
      root = host.attachShadow({ mode: 'closed' });
      // A <style> inside the root, not adoptedStyleSheets: constructed sheets made in a
      // content script's isolated world are refused in Firefox (bug 1751346).
      const style = doc.createElement('style');
      style.textContent = FLOAT_CSS + css;
      float = doc.createElement('div');
      float.className = 'bs-float';
      root.append(style, float);
      // The card's text becomes selectable once the reader presses in it, and stops being
      // so at their next press elsewhere: copying a fact works, a page's select-all skips it.
      const card = float;
      card.addEventListener('pointerdown', () => card.classList.add('bs-selectable'), { signal });
      doc.addEventListener(
        'pointerdown',
        (event) => event.target !== host && card.classList.remove('bs-selectable'),
        { capture: true, passive: true, signal },
      );
      // What the reader copies from the card is theirs: a page's copy listener (news sites
      // add "Read more at…" or report what was copied) never sees it. The browser still
      // copies the selection. (The page can still read the selection itself; see
      // docs/card.md, "What a page can learn".)
      doc.defaultView?.addEventListener(
        'copy',
        (event) => {
          if (event.target === host) event.stopImmediatePropagation();
        },
        { capture: true, signal },
      );
    }
    // Some pages rebuild <html>'s children; put the host back if it was taken out. Not once
    // the feature stopped: closing the card then must not bring back the host just removed.
    if (!host.isConnected && !signal.aborted) doc.documentElement.append(host);
    unzoom(host, doc.documentElement);
    return float;
  };

  signal.addEventListener('abort', () => host?.remove(), { once: true });
  return {
    float: mount,
    isHost: (target) => host !== undefined && target === host,
    activeElement: () => root?.activeElement ?? null,
    release: () => host?.remove(),
  };
}
