import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** axe-core's browser build, evaluated in a page before `AXE_REPORT`. */
export const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** What axe-core found on a page: one line per rule, naming the elements. */
export interface AxeReport {
  violations: string[];
  /** Checks axe could not settle, colour contrast over an image, say. */
  incomplete: string[];
  passes: string[];
}

/**
 * An expression, evaluated in a page that has `AXE_SOURCE`, that checks the whole document
 * against WCAG 2.2 A and AA and resolves to an `AxeReport`. A string, so that Playwright
 * (Chromium) and puppeteer (Firefox) can both evaluate it as it is.
 */
export const AXE_REPORT = `(async () => {
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
  const results = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
  const describe = (list) => list.map((rule) => rule.id + ': ' + rule.nodes.map((node) => node.target.join(' ')).join(', '));
  return { violations: describe(results.violations), incomplete: describe(results.incomplete), passes: results.passes.map((rule) => rule.id) };
})()`;
