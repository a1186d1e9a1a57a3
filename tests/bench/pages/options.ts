/** Command-line options of `npm run bench:pages` (after `--`). */
import { resolve } from 'node:path';
import { EXTENSION_DIR } from '../../support/launch';

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

function positive(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (!value || !Number.isInteger(n) || n < 0)
    throw new Error(`${flag} needs a whole number, got "${value}"`);
  return n;
}

/** Parses `argv` (without node and the script); throws with a message on a bad flag. */
export function parseOptions(argv: string[]): BenchOptions {
  const options = { ...DEFAULTS };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--no-markjs') options.skipMarkJs = true;
    else if (flag === '--pages') options.pages = positive(flag, argv[++i]);
    else if (flag === '--restarts') options.restarts = positive(flag, argv[++i]);
    else if (flag === '--mark-cap') options.markCapMs = positive(flag, argv[++i]);
    else if (flag === '--repeat') options.repeat = Math.max(1, positive(flag, argv[++i]));
    else if (flag === '--build') {
      const dir = argv[++i];
      if (!dir) throw new Error('--build needs the folder of an unpacked build');
      options.build = resolve(dir);
    } else if (flag === '--sizes') {
      const list = argv[++i] ?? '';
      options.sizes = list.split(',').map((s) => positive(flag, s.trim()));
      if (options.sizes.some((s) => s === 0)) throw new Error('--sizes must be at least 1 card each');
      options.sizes.sort((a, b) => a - b);
    } else throw new Error(`unknown argument "${flag}"`);
  }
  return options;
}
