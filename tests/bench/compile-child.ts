/**
 * One compile in a fresh Node process, run by the benchmark to measure what readings in
 * the main process cannot: the peak memory of compiling and the time with nothing warmed up.
 * Usage: node --expose-gc [--max-old-space-size=N] --import tsx tests/bench/compile-child.ts <dictionary>
 * Prints one JSON line.
 */
import { compileMatcher } from '../../lib/match';
import { loadDictionaries, sharedDir } from './corpus';

const [name] = process.argv.slice(2);
const shared = sharedDir();
const dictionary = shared ? loadDictionaries(shared).find((d) => d.name === name) : undefined;
if (!dictionary) throw new Error('usage: compile-child.ts <dictionary>');
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const before = process.memoryUsage();
const started = performance.now();
const matcher = compileMatcher(dictionary.entries);
const compileMs = performance.now() - started;
const peakRss = process.resourceUsage().maxRSS * 1024;
gc?.();
const after = process.memoryUsage();
console.log(
  JSON.stringify({
    compileMs,
    // How far the process's peak resident memory rose above where it stood before compiling:
    // everything compiling held at once (heap, typed arrays, garbage not yet collected).
    peakRiseMb: (peakRss - before.rss) / 1e6,
    retainedMb: (after.heapUsed - before.heapUsed + after.arrayBuffers - before.arrayBuffers) / 1e6,
    mentions: matcher.find('Paris, London and New York').length,
  }),
);
