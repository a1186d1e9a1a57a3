/** Firefox's view of a page object from a content script, with the Xray waiver it offers. */
type XrayView<T> = T & { wrappedJSObject?: T };

/**
 * Adds a stylesheet to `doc` without adding a node: a constructed sheet in its adopted
 * stylesheets. Returns a function that takes it away again.
 *
 * Firefox before 153 refuses a sheet constructed in a content script's isolated world, and
 * its Xray view of `adoptedStyleSheets` cannot even be iterated (bug 1751346; the tests run
 * on Debian's 140 ESR). There the sheet goes into the page's own list, see `adoptInFirefox`.
 * The sheet holds only our style, nothing of the reader's.
 */
export function adoptSheet(doc: Document, cssText: string): () => void {
  if ((doc as XrayView<Document>).wrappedJSObject) return adoptInFirefox(doc, cssText);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(cssText);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  return () => {
    doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}

/**
 * Firefox: the sheet is made with the browser's own constructor and the list is found with
 * the browser's own getter, both seen through the Xray, so a page that replaced
 * `CSSStyleSheet`, the `adoptedStyleSheets` accessor or `Array.prototype` methods changes
 * nothing here. Only then are the two unwrapped, and the sheet is put into the page's list
 * by index: an array made here would belong to the content script, which Firefox refuses,
 * and the page's own `push` may be anything.
 */
function adoptInFirefox(doc: XrayView<Document>, cssText: string): () => void {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  if (!view) throw new Error('Backstory: the document has no window to make a stylesheet in');
  const made = new view.CSSStyleSheet() as XrayView<CSSStyleSheet>;
  made.replaceSync(cssText);
  const sheet = made.wrappedJSObject ?? made;
  const adopted = pageSheetList(doc);
  adopted[adopted.length] = sheet;
  return () => {
    const list = pageSheetList(doc);
    let at = -1;
    for (let i = 0; i < list.length; i++) if (list[i] === sheet) at = i;
    if (at < 0) return;
    for (let i = at; i < list.length - 1; i++) list[i] = list[i + 1] as CSSStyleSheet;
    list.length -= 1;
  };
}

/** The page's own `adoptedStyleSheets`, read with the getter the browser defines. */
function pageSheetList(doc: Document): CSSStyleSheet[] {
  for (let proto = Object.getPrototypeOf(doc); proto; proto = Object.getPrototypeOf(proto)) {
    const getter = Object.getOwnPropertyDescriptor(proto, 'adoptedStyleSheets')?.get;
    if (!getter) continue;
    const list = getter.call(doc) as XrayView<CSSStyleSheet[]>;
    return list.wrappedJSObject ?? list;
  }
  throw new Error('Backstory: this document has no adoptedStyleSheets');
}
