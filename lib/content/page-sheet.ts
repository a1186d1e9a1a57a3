/** Firefox's view of a page object from a content script, with the Xray waiver it offers. */
type XrayView<T> = T & { wrappedJSObject?: T };

/**
 * Adds a stylesheet to `doc` without adding a node: a constructed sheet in its adopted
 * stylesheets. Returns a function that takes it away again.
 *
 * Firefox before 153 refuses a sheet constructed in a content script's isolated world, and
 * its Xray view of `adoptedStyleSheets` cannot even be iterated (bug 1751346; the tests run
 * on Debian's 140 ESR). There the sheet is made and adopted through the page's own objects
 * (`wrappedJSObject`), which is what Firefox offers content scripts for this. The sheet holds only our style, nothing of the reader's.
 * A page that replaces those objects can make this throw; the caller then paints nothing.
 */
export function adoptSheet(doc: Document, cssText: string): () => void {
  const page = (doc as XrayView<Document>).wrappedJSObject;
  if (page) return adoptThroughPage(page, cssText);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(cssText);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  return () => {
    doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}

function adoptThroughPage(page: Document, cssText: string): () => void {
  const view = page.defaultView as (Window & typeof globalThis) | null;
  if (!view) throw new Error('Backstory: the document has no window to make a stylesheet in');
  const sheet = new view.CSSStyleSheet();
  sheet.replaceSync(cssText);
  // Changed in place: an array made here would belong to the content script, not the page.
  page.adoptedStyleSheets.push(sheet);
  return () => {
    const at = page.adoptedStyleSheets.indexOf(sheet);
    if (at >= 0) page.adoptedStyleSheets.splice(at, 1);
  };
}
