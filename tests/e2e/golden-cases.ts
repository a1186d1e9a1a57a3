import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

// Golden pages in the style of mozilla/readability: one folder per rule, each with the page
// (`source.html`) and the mention texts Backstory must paint on it, in order, with the seed cards.
const GOLDEN = resolve(import.meta.dirname, 'golden');

/** One golden page: its name, where it is served, and the mentions expected on it. */
export interface GoldenCase {
  name: string;
  path: string;
  expected: string[];
}

/** Every golden case, in name order. */
export const goldenCases: GoldenCase[] = readdirSync(GOLDEN)
  .sort()
  .map((name) => ({
    name,
    path: `/${name}.html`,
    expected: JSON.parse(readFileSync(join(GOLDEN, name, 'expected.json'), 'utf8')) as string[],
  }));

/** Static-server routes for the golden pages. */
export function goldenRoutes(): Record<string, string> {
  return Object.fromEntries(goldenCases.map(({ name, path }) => [path, join(GOLDEN, name, 'source.html')]));
}
