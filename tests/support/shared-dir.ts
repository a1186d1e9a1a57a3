import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The team's read-only reference folder (corpus, term lists); absent in a user's clone. */
export const SHARED_DIR = process.env.BACKSTORY_SHARED ?? resolve(import.meta.dirname, '../../../shared');

/**
 * The real-page corpus, or undefined when it is not on this machine, whole: its pages and the
 * city names the suites make their dictionaries from (a part of it would fail, not skip).
 */
export function corpusDir(): string | undefined {
  const dir = resolve(SHARED_DIR, 'corpus');
  return existsSync(resolve(dir, 'pages')) && existsSync(resolve(dir, 'terms/cities.json')) ? dir : undefined;
}

/** Message for suites that skip without the shared corpus. */
export const NO_CORPUS = `skipped: the shared page corpus (pages/ and terms/cities.json) is not at ${resolve(SHARED_DIR, 'corpus')} (set BACKSTORY_SHARED)`;
