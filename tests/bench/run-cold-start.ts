/**
 * Benchmark section: persist the biggest matcher, then load it and answer a first match,
 * both in this process and in fresh Node processes (a restarted service worker).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadMatcher, type Matcher, serializeMatcher } from '../../lib/match';
import { fmt, median, medianMs } from './measure';
import { printTable } from './table';

const here = path.dirname(fileURLToPath(import.meta.url));

interface ChildTimings {
  bootMs: number;
  importMs: number;
  readMs: number;
  loadMs: number;
  firstMatchMs: number;
}

function coldStartInChild(bytesFile: string, textFile: string): ChildTimings {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(here, 'cold-start.ts'), bytesFile, textFile],
    {
      cwd: path.resolve(here, '../..'),
      encoding: 'utf8',
    },
  );
  if (child.status !== 0) throw new Error(`cold-start child failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as ChildTimings;
}

/** Measures persisting and cold-loading `matcher` and prints the cold start table. */
export function runColdStart(name: string, matcher: Matcher, article: string): void {
  let bytes = serializeMatcher(matcher);
  const serializeMs = medianMs(3, () => {
    bytes = serializeMatcher(matcher);
  });
  // IndexedDB hands back a structured clone; its own read cost cannot be measured in Node.
  const cloneMs = medianMs(3, () => structuredClone(bytes));
  const inProcessMs = medianMs(5, () => loadMatcher(structuredClone(bytes)).find(article), 1);
  const dir = mkdtempSync(path.join(tmpdir(), 'backstory-bench-'));
  try {
    writeFileSync(path.join(dir, 'matcher.bin'), bytes);
    writeFileSync(path.join(dir, 'article.txt'), article);
    const runs = [0, 1, 2].map(() =>
      coldStartInChild(path.join(dir, 'matcher.bin'), path.join(dir, 'article.txt')),
    );
    const pick = (key: keyof ChildTimings) => median(runs.map((r) => r[key]));
    printTable(
      `Cold start (${name}, 100 KB article; median of ${runs.length} fresh processes)`,
      ['step', 'ms'],
      [
        ['serialize (once, at compile)', fmt(serializeMs)],
        ['persisted size (MB)', fmt(bytes.byteLength / 1e6)],
        ['structuredClone of the bytes (IndexedDB stand-in)', fmt(cloneMs)],
        ['in process: clone + load + first match', fmt(inProcessMs)],
        ['fresh process: import lib/match (tsx transpiles it)', fmt(pick('importMs'))],
        ['fresh process: read bytes from disk', fmt(pick('readMs'))],
        ['fresh process: loadMatcher', fmt(pick('loadMs'))],
        ['fresh process: first match', fmt(pick('firstMatchMs'))],
        ['fresh process: load + first match', fmt(pick('loadMs') + pick('firstMatchMs'))],
      ],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
