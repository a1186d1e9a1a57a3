import { MENTION_HIGHLIGHT } from './highlights';
import { adoptSheet } from './page-sheet';

// A dotted underline in the text's own colour stays readable on light and dark pages.
const CSS_TEXT = `::highlight(${MENTION_HIGHLIGHT}) {
  text-decoration-line: underline;
  text-decoration-style: dotted;
  text-decoration-thickness: 2px;
  text-decoration-color: color-mix(in srgb, currentColor 70%, #2f7bd8);
  text-underline-offset: 3px;
}`;

// Firefox (140 ESR, the one tested) paints a highlight's background but not its
// text-decoration, so there the mention also gets a light tint of the same blue, which reads
// on light and dark pages.
const FIREFOX_CSS_TEXT = `::highlight(${MENTION_HIGHLIGHT}) {
  background-color: color-mix(in srgb, #2f7bd8 16%, transparent);
}`;

/** The mention style for the browser this build is for. */
const MENTION_CSS = import.meta.env.FIREFOX ? `${CSS_TEXT}\n${FIREFOX_CSS_TEXT}` : CSS_TEXT;

/**
 * Adds the mention style to the page as an adopted stylesheet, which adds no node to the
 * page. Returns a function that takes it away again.
 */
export function adoptMentionStyle(doc: Document = document): () => void {
  return adoptSheet(doc, MENTION_CSS);
}
