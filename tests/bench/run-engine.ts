/** Benchmark section: compile each dictionary, then match the 100 KB article and every page. */
import { compileMatcher, type Matcher } from '../../lib/match';
import type { Dictionary, Page } from './corpus';
import { fmt, mbPerSecond, memoryMb, ratio, wallAndCpu } from './measure';
import { printTable } from './table';

/** What the engine measured for one dictionary, for the later sections. */
export interface EngineResult {
  name: string;
  matcher: Matcher;
  compileMs: number;
  /** Retained after compile: JS heap plus typed arrays. */
  memoryMb: number;
  /** Median wall-clock time of one find on the article. */
  articleMs: number;
}

const HEADERS = [
  'terms',
  'entries',
  'compile ms (CPU)',
  'retained MB',
  '100 KB article ms (CPU)',
  'article MB/s',
  'all pages MB/s',
  'article mentions',
  'page mentions',
];

/** Compiles and matches each dictionary and prints the engine table. */
export function runEngine(dictionaries: Dictionary[], article: string, pages: Page[]): EngineResult[] {
  const results: EngineResult[] = [];
  const rows: string[][] = [];
  const pageChars = pages.reduce((sum, p) => sum + p.text.length, 0);
  for (const { name, entries } of dictionaries) {
    const before = memoryMb();
    let matcher = compileMatcher(entries);
    const after = memoryMb();
    const compile = wallAndCpu(
      3,
      () => {
        matcher = compileMatcher(entries);
      },
      0,
    );
    const onArticle = wallAndCpu(40, () => matcher.find(article));
    const onPages = wallAndCpu(5, () => {
      for (const page of pages) matcher.find(page.text);
    });
    const mentions = pages.reduce((sum, p) => sum + matcher.find(p.text).length, 0);
    const memory = after.heap - before.heap + after.arrays - before.arrays;
    results.push({ name, matcher, compileMs: compile.wall, memoryMb: memory, articleMs: onArticle.wall });
    rows.push([
      name,
      fmt(entries.length, 0),
      `${fmt(compile.wall)} (${fmt(compile.cpu)})`,
      fmt(memory),
      `${fmt(onArticle.wall, 2)} (${fmt(onArticle.cpu, 2)})`,
      fmt(mbPerSecond(article.length, onArticle.wall)),
      fmt(mbPerSecond(pageChars, onPages.wall)),
      fmt(matcher.find(article).length, 0),
      fmt(mentions, 0),
    ]);
  }
  printTable('Engine: compile and match (wall clock, CPU time in brackets; medians)', HEADERS, rows);
  const small = results[0];
  const big = results[results.length - 1];
  if (small && big) {
    console.log(`\nArticle time, ${big.name} / ${small.name}: ${ratio(big.articleMs / small.articleMs)}`);
  }
  return results;
}
