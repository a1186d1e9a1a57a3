/**
 * A page whose scripts replace the DOM's own methods with ones that throw, and take the
 * stylesheet machinery away too: `CSSStyleSheet`, the `adoptedStyleSheets` accessor and some
 * array methods. Backstory styles its highlights without any of the page's objects (the
 * manifest's stylesheet); these traps guard that. Tests read the page's real sheet list through `realAdoptedSheets()`,
 * which the page keeps before it lays its traps.
 *
 * The array traps are laid only with `?arrays` in the URL: Playwright's evaluation in the
 * page cannot run with them, so only the Firefox suite (puppeteer) asks for them.
 */
export const HOSTILE_DOM_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script>
  const ownSheet = new CSSStyleSheet();
  ownSheet.replaceSync('p { color: rgb(0, 90, 0) }');
  document.adoptedStyleSheets = [ownSheet];
  const sheetsOf = Object.getOwnPropertyDescriptor(Document.prototype, 'adoptedStyleSheets').get;
  window.realAdoptedSheets = () =>
    Array.from(sheetsOf.call(document), (sheet) => Array.from(sheet.cssRules, (rule) => rule.cssText).join(' '));
  for (const name of ['appendChild', 'insertBefore', 'removeChild', 'contains', 'compareDocumentPosition']) {
    Node.prototype[name] = function () { throw new Error('hostile ' + name); };
  }
  Document.prototype.createTreeWalker = function () { throw new Error('hostile walker'); };
  Element.prototype.getBoundingClientRect = function () { throw new Error('hostile rect'); };
  window.MutationObserver = function () { throw new Error('hostile observer'); };
  Object.defineProperty(Document.prototype, 'adoptedStyleSheets', {
    get() { throw new Error('hostile sheet list'); },
    set() { throw new Error('hostile sheet list'); },
  });
  window.CSSStyleSheet = function () { throw new Error('hostile sheet'); };
  if (location.search.includes('arrays')) {
    for (const name of ['push', 'splice', 'indexOf', 'filter', 'concat']) {
      Array.prototype[name] = function () { throw new Error('hostile ' + name); };
    }
  }
</script></head><body><p>The Kremlin replied.</p></body></html>`;

/** In the page: the rules of every adopted sheet, one string per sheet, read past the traps. */
export function realAdoptedSheets(): string[] {
  return (window as unknown as { realAdoptedSheets: () => string[] }).realAdoptedSheets();
}
