/**
 * `npm run bench:match`: the mention engine's benchmark. Prints Markdown tables: compile and
 * match for three dictionaries, cold start, and the regex and library baselines.
 * Needs the shared corpus (BACKSTORY_SHARED or ../shared); exits 2 without it.
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { asMessaged, loadDictionaries, loadPages, sharedDir } from './corpus';
import { fmt } from './measure';
import { runBaselines } from './run-baselines';
import { runColdStart } from './run-cold-start';
import { runCompileInChild } from './run-compile-child';
import { runEngine } from './run-engine';

// Heap figures need a full collection before each reading: rerun with --expose-gc if missing.
if (typeof (globalThis as { gc?: unknown }).gc !== 'function') {
  const self = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', self], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}

const shared = sharedDir();
if (!shared) {
  console.error(
    'bench:match needs the shared corpus (corpus/terms and corpus/pages). Set BACKSTORY_SHARED to the folder that holds corpus/, or put it at ../shared next to the repository.',
  );
  process.exit(2);
}

const started = performance.now();
const dictionaries = loadDictionaries(shared);
const pages = loadPages(shared);
const articlePage = pages.find((p) => p.name === 'wikipedia-2') ?? pages[0];
if (!articlePage) throw new Error('No pages in the corpus');
const article = asMessaged(articlePage.text.slice(0, 100_000));
const pageChars = pages.reduce((sum, p) => sum + p.text.length, 0);
const expectedChars = pages.reduce((sum, p) => sum + p.expectedLength, 0);

console.log('# Backstory mention engine benchmark\n');
console.log(`- Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}`);
console.log(
  `- load average at start: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')} (other work on this machine slows every figure)`,
);
console.log(
  `- text: visible text of ${pages.length} pages (${fmt(pageChars / 1e6, 2)} M chars; the corpus measures ${fmt(expectedChars / 1e6, 2)} M) extracted without a DOM: head, comments, script, style, noscript and template removed, tags to spaces, entities decoded, white space collapsed`,
);
console.log(
  `- article: first ${fmt(article.length, 0)} chars of ${articlePage.name}; texts are fresh strings, as extension messaging delivers them; MB/s counts one UTF-16 unit as one byte`,
);
console.log('- times are medians of repeated runs; memory is retained after a forced GC (heap = JS objects)');

const engine = runEngine(dictionaries, article, pages);
const biggest = engine[engine.length - 1];
if (biggest) {
  runCompileInChild(biggest.name);
  runColdStart(biggest.name, biggest.matcher, article);
}
runBaselines(
  dictionaries.filter((d) => d.name !== 'cities'),
  engine,
  article,
);
console.log(`\nBenchmark finished in ${fmt((performance.now() - started) / 1000)} s.`);
