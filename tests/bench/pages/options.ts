/** Command-line options of `npm run bench:pages` (after `--`). */
import { EXTENSION_DIR } from '../../support/launch';
import { type FlagSpec, parseFlags } from '../flags';

/** What one run of the page benchmark measures. */
export interface BenchOptions {
  /** How many corpus pages, in name order; undefined for all. */
  pages: number | undefined;
  /** Dictionary sizes in cards, ascending. */
  sizes: number[];
  /** Pages visited again right after the service worker was stopped, at the largest size. */
  restarts: number;
  /** Budget for one `mark(array)` run before it is stopped and reported as "> budget". */
  markCapMs: number;
  /** Skip mark.js and the floor (only Backstory's own figures). */
  skipMarkJs: boolean;
  /** Visits per page and condition; each figure is then the page's median over them. */
  repeat: number;
  /** The unpacked build to load (another one for an A/B). */
  build: string;
}

/** The usage line printed on a bad argument. */
export const USAGE =
  'usage: tsx tests/bench/pages.ts [--pages N] [--sizes 1000,10000,100000] [--restarts 10] [--mark-cap 3000] [--repeat 1] [--no-markjs] [--build DIR]';

const DEFAULTS: BenchOptions = {
  pages: undefined,
  sizes: [1000, 10_000, 100_000],
  restarts: 10,
  markCapMs: 3000,
  skipMarkJs: false,
  repeat: 1,
  build: EXTENSION_DIR,
};

const FLAGS: FlagSpec<BenchOptions> = {
  '--pages': ['pages', 'count'],
  '--sizes': ['sizes', 'counts'],
  '--restarts': ['restarts', 'whole'],
  '--mark-cap': ['markCapMs', 'whole'],
  '--repeat': ['repeat', 'count'],
  '--no-markjs': ['skipMarkJs', 'on'],
  '--build': ['build', 'dir'],
};

/** Parses `argv` (without node and the script); throws with a message on a bad flag. */
export function parseOptions(argv: string[]): BenchOptions {
  return parseFlags(argv, DEFAULTS, FLAGS);
}
