/** A page with one paragraph and nothing to mark, for the tests of pages that change. */
export const LIVE_PAGE =
  '<!doctype html><html lang="en"><body><main><p>Static text.</p></main></body></html>';

/** Run in the page: appends a paragraph that mentions the Kremlin, as a live blog would. */
export function addLateParagraph(): void {
  const p = document.createElement('p');
  p.id = 'late';
  p.textContent = 'Late news: the Kremlin replied.';
  document.querySelector('main')?.append(p);
}

/** Run in the page: removes that paragraph again. */
export function removeLateParagraph(): void {
  document.getElementById('late')?.remove();
}

/** A page with a component whose script has not run yet: the element has no shadow root. */
export const LATE_COMPONENT_PAGE =
  '<!doctype html><html lang="en"><body><main><p>Static text.</p><x-late-quote></x-late-quote></main></body></html>';

/** A page with an empty div and no component: nothing else keeps the late-shadow looks going. */
export const LATE_WIDGET_PAGE =
  '<!doctype html><html lang="en"><body><main><p>Static text.</p><div id="widget"></div></main></body></html>';

/** Run in the page: a widget's script gives the empty div a shadow root with a mention. */
export function attachLateWidget(): void {
  const widget = document.getElementById('widget') as HTMLElement;
  widget.attachShadow({ mode: 'open' }).innerHTML = '<p>Word from Kyiv.</p>';
}

/** Run in the page: the component's script arrives and fills its shadow root with a mention. */
export function defineLateQuote(): void {
  customElements.define(
    'x-late-quote',
    class extends HTMLElement {
      constructor() {
        super();
        this.attachShadow({ mode: 'open' }).innerHTML = '<p>A reply from Moscow.</p>';
      }
    },
  );
}

/** The pages above, served where the tests open them. */
export function livePageRoutes(): Record<string, { body: string }> {
  return {
    '/live.html': { body: LIVE_PAGE },
    '/late-component.html': { body: LATE_COMPONENT_PAGE },
    '/late-widget.html': { body: LATE_WIDGET_PAGE },
  };
}
