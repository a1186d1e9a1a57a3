import { MENTION_HIGHLIGHT } from './highlights';

// A dotted underline in the text's own colour stays readable on light and dark pages.
const CSS_TEXT = `::highlight(${MENTION_HIGHLIGHT}) {
  text-decoration-line: underline;
  text-decoration-style: dotted;
  text-decoration-thickness: 2px;
  text-decoration-color: color-mix(in srgb, currentColor 70%, #2f7bd8);
  text-underline-offset: 3px;
}`;

/**
 * Adds the mention style to the page as an adopted stylesheet, which adds no node to the
 * page. Returns a function that takes it away again.
 */
export function adoptMentionStyle(doc: Document = document): () => void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS_TEXT);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  return () => {
    doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}
