import { ACTIVE_HIGHLIGHT, MENTION_HIGHLIGHT } from './highlights';

// The style of Backstory's highlights, as plain text, so that the content script and the
// build (wxt.config.ts, for Firefox) share one definition.

/**
 * Every rule applies on screen only: a printed article carries no underline or tint, as a
 * reader who prints a page to read or file it would expect. (An open card is not printed
 * either: see FLOAT_CSS in card/host.ts.)
 */
function onScreen(rules: string): string {
  return `@media not print {\n${rules}\n}`;
}

/** A dotted underline in the text's own colour stays readable on light and dark pages. */
export const MENTION_RULES = onScreen(`::highlight(${MENTION_HIGHLIGHT}) {
  text-decoration-line: underline;
  text-decoration-style: dotted;
  text-decoration-thickness: 2px;
  text-decoration-color: color-mix(in srgb, currentColor 70%, #2f7bd8);
  text-underline-offset: 3px;
}`);

/**
 * Firefox (140 ESR, the one tested) paints a highlight's background but not its
 * text-decoration, so there the mention also gets a light tint of the same blue, which
 * reads on light and dark pages.
 */
const MENTION_TINT_RULES = onScreen(`::highlight(${MENTION_HIGHLIGHT}) {
  background-color: color-mix(in srgb, #2f7bd8 16%, transparent);
}`);

/** The mention whose card is open gets a stronger tint of the same blue. */
export const ACTIVE_RULES = onScreen(`::highlight(${ACTIVE_HIGHLIGHT}) {
  background-color: color-mix(in srgb, #2f7bd8 24%, transparent);
}`);

/**
 * The stylesheet of Firefox builds, which the manifest gives to the content script
 * (wxt.config.ts). Firefox removes a manifest stylesheet from open pages when the add-on is
 * disabled, removed or updated, and stops the content script at once: a sheet the script
 * had adopted would stay, and with it every mention's underline.
 */
export const FIREFOX_STYLESHEET = [MENTION_RULES, MENTION_TINT_RULES, ACTIVE_RULES].join('\n');

/** Where Firefox builds keep that stylesheet, relative to the extension's root. */
export const FIREFOX_STYLESHEET_PATH = 'content-scripts/backstory.css';
