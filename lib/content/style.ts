import { ACTIVE_RULES, MENTION_RULES } from './style-rules';

const none = () => undefined;

/**
 * Adds the mention style to the page as an adopted stylesheet, which adds no node to the
 * page. Returns a function that takes it away again. Firefox builds have the style in the
 * manifest instead (see FIREFOX_STYLESHEET), so there this does nothing.
 */
export function adoptMentionStyle(doc: Document = document): () => void {
  return import.meta.env.FIREFOX ? none : adoptSheet(doc, MENTION_RULES);
}

/** The same for the tint of the mention whose card is open. */
export function adoptActiveStyle(doc: Document = document): () => void {
  return import.meta.env.FIREFOX ? none : adoptSheet(doc, ACTIVE_RULES);
}

/**
 * Adds a stylesheet to `doc` without adding a node: a constructed sheet in its adopted
 * stylesheets. Returns a function that takes it away again. The sheet is made in the
 * content script's own world, so a page that replaced `CSSStyleSheet` or the array methods
 * in its world changes nothing here. (Chromium; Firefox builds style the highlights from the
 * manifest, see style-rules.ts.)
 */
export function adoptSheet(doc: Document, cssText: string): () => void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(cssText);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  return () => {
    doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}
