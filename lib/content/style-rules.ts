import { ACTIVE_HIGHLIGHT, MENTION_HIGHLIGHT } from './highlights';

// The style of Backstory's highlights, as plain text, which the build (wxt.config.ts) writes
// into the stylesheet its manifest gives to pages.

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

/**
 * Forced colours (Windows contrast themes; in Firefox also "Override the colours specified by
 * the page: Always") replace the tint with the page's background, and Firefox draws no
 * underline, so its mentions would vanish. System colours are kept: mentions are drawn as
 * marked text, the one whose card is open as marked text inverted. Text and fill contrast
 * in both, and the two stand apart from each other in light and dark themes alike, where
 * selected text need not do either: white on #3399FF, 2.9:1, in Firefox on Linux, and close
 * to Mark's yellow in a dark theme (measured by tests/e2e/firefox-forced-colors.spec.ts).
 * Chromium draws custom highlights in colours of its own in that mode, whatever the style
 * says (these rules changed no pixel in tests/e2e/forced-colors.spec.ts), so only the
 * Firefox build carries them. The measurements: docs/card.md, "Forced colours".
 */
export const FORCED_COLOUR_RULES = [
  onScreen(`@media (forced-colors: active) {
  ::highlight(${MENTION_HIGHLIGHT}) {
    background-color: Mark;
    color: MarkText;
  }
}`),
  onScreen(`@media (forced-colors: active) {
  ::highlight(${ACTIVE_HIGHLIGHT}) {
    background-color: MarkText;
    color: Mark;
  }
}`),
].join('\n');

/** The mention whose card is open gets a stronger tint of the same blue. */
export const ACTIVE_RULES = onScreen(`::highlight(${ACTIVE_HIGHLIGHT}) {
  background-color: color-mix(in srgb, #2f7bd8 24%, transparent);
}`);

/**
 * The highlight style as each build's manifest gives it to every page, from the start of its
 * loading (wxt.config.ts). Present before the page has elements, it costs no recalculation
 * of its own. A sheet adopted once the first mentions were found (as the Chromium build
 * once did) made the browser recompute every element's style in the next frame, and the
 * active tint's sheet did it again when the first card opened: over a visit, about 6 ms more
 * style work (median of the corpus pages) where the manifest's sheet costs about 2 ms, which
 * pages with nothing to mark now pay too (`npm run bench:style`; docs/annotation-bench.md,
 * "The highlight stylesheet and the page's style work"). Page scripts cannot list a manifest
 * sheet, as they can an adopted one. Firefox also removes it from open pages when the add-on
 * is disabled, removed or updated.
 */
export function pageStylesheet(browser: 'chrome' | 'firefox'): string {
  const rules =
    browser === 'firefox'
      ? [MENTION_RULES, MENTION_TINT_RULES, ACTIVE_RULES, FORCED_COLOUR_RULES]
      : [MENTION_RULES, ACTIVE_RULES];
  return rules.join('\n');
}

/** Where the builds keep that stylesheet, relative to the extension's root. */
export const PAGE_STYLESHEET_PATH = 'content-scripts/backstory.css';
