/** What one run of the page benchmark collected, for the report. */
import type { CorpusPage } from './corpus-pages';
import type { FloorRun, MarkRun } from './markjs-runner';
import type { ScanFigures } from './timeline';

/** Everything measured on one corpus page. */
export interface PageResult {
  page: CorpusPage;
  /** Backstory with a warm worker, by dictionary size. */
  bySize: Map<number, ScanFigures>;
  /** Backstory right after the service worker was stopped, at `BenchResults.restartSize`. */
  restart?: ScanFigures;
  floor?: FloorRun;
  /** The floor's pass run from an isolated world, as a content script runs. */
  isolatedFloor?: FloorRun;
  markRegExp?: MarkRun;
  /** markRegExp run from an isolated world, as a highlighter extension's content script runs it. */
  isolatedMarkRegExp?: MarkRun;
  markArray?: MarkRun;
}

/** A whole run. */
export interface BenchResults {
  sizes: number[];
  pages: PageResult[];
  /** Dictionary size of the worker-restart visits; undefined when none were made. */
  restartSize: number | undefined;
  /** Time to painted of the warm-up page right after loading each size (matcher rebuilt). */
  rebuildMs: Map<number, number | undefined>;
  /** Terms given to mark.js (the 1k dictionary); 0 when mark.js was skipped. */
  markTerms: number;
}

/**
 * performance.now() in a page that is not cross-origin isolated is coarsened to 0.1 ms in
 * Chromium; a shorter measurement reads as 0, so ratios divide by at least this.
 */
export const TIMER_RESOLUTION_MS = 0.1;

/** The comparison size: the dictionary mark.js gets, and the one its ratios are taken at. */
export const COMPARISON_SIZE = 1000;
