import { noteMark, START_MARK } from './task-timing';

/**
 * The time the content script's first line ran. entrypoints/content/index.ts imports this
 * module before any other, so the start mark comes before the bundle's other modules are
 * evaluated (the polyfill, WXT's context, the card's UI), and the `start` slice that runs
 * from it to the end of the script's `main` counts that evaluation as Backstory's work on
 * the page. Left out, since no script of ours runs then: compiling the script, and making
 * the extension's world, which the document_start script pays for.
 */
const started = noteMark(START_MARK);

/** When the content script started (a performance.now() time). */
export function scriptStart(): number {
  return started;
}
