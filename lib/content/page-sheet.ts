/**
 * Adds a stylesheet to `doc` without adding a node: a constructed sheet in its adopted
 * stylesheets. Returns a function that takes it away again. The sheet is made in the
 * content script's own world, so a page that replaced `CSSStyleSheet` or the array methods
 * in its world changes nothing here. (Chromium; Firefox builds style the highlights from the
 * manifest, see lib/content/style-rules.ts.)
 */
export function adoptSheet(doc: Document, cssText: string): () => void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(cssText);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  return () => {
    doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}
