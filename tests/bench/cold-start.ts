/**
 * One cold start, run in a fresh Node process by the benchmark: read persisted matcher
 * bytes, load them and answer the first match. Prints its timings as one JSON line.
 * Usage: node --import tsx tests/bench/cold-start.ts <matcher-bytes-file> <text-file>
 */
import { readFileSync } from 'node:fs';

const [bytesFile, textFile] = process.argv.slice(2);
if (!bytesFile || !textFile) throw new Error('usage: cold-start.ts <matcher-bytes-file> <text-file>');
const text = readFileSync(textFile, 'utf8');
const booted = performance.now();
const { loadMatcher } = await import('../../lib/match');
const imported = performance.now();
const bytes = new Uint8Array(readFileSync(bytesFile));
const read = performance.now();
const matcher = loadMatcher(bytes);
const loaded = performance.now();
const mentions = matcher.find(text).length;
const answered = performance.now();
console.log(
  JSON.stringify({
    bootMs: booted,
    importMs: imported - booted,
    readMs: read - imported,
    loadMs: loaded - read,
    firstMatchMs: answered - loaded,
    mentions,
  }),
);
