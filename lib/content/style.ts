import { adoptSheet } from './page-sheet';
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
