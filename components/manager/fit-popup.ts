/** The popup's size in CSS pixels at 100% zoom, as the stylesheet sets it (style.css). */
export const POPUP_SIZE = { width: 420, height: 580 } as const;

/**
 * Below this the window is Chromium's first, tiny one (about 25 × 145 CSS px), before it
 * sizes the popup to its content: fitting the body to that would keep the popup tiny.
 */
const SIZED_MIN = 240;

/**
 * Fits the popup's body to its window when the window is smaller than the popup's size.
 * Chromium caps a popup at 800 × 600 screen pixels, and at a browser zoom of 125% that is
 * only 480 CSS px high: the 580 px body would be cut off, the editor's Save below the edge,
 * and the document would scroll around the panels' own scrolling. The body takes the
 * window's size instead, so the panels scroll inside it. Runs now and on every resize until
 * `signal` aborts. A stylesheet cannot do this: `max-height: 100vh` makes the popup as small
 * as Chromium's first window, since a popup takes its content's size.
 */
export function fitPopupToWindow(win: Window, signal: AbortSignal): void {
  const body = win.document.body;
  const fitBody = () => {
    const { innerWidth, innerHeight } = win;
    if (innerWidth < SIZED_MIN || innerHeight < SIZED_MIN) return;
    body.style.height = innerHeight < POPUP_SIZE.height ? `${innerHeight}px` : '';
    body.style.width = innerWidth < POPUP_SIZE.width ? `${innerWidth}px` : '';
  };
  fitBody();
  win.addEventListener('resize', fitBody, { signal });
}
