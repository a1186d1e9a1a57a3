/**
 * Benchmark section: the engine side by side with one big alternation RegExp and with
 * modern-ahocorasick, on the same 100 KB article, with speed ratios.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  AhoCorasick,
  type Baseline,
  chunkedBaseline,
  foldedKeys,
  foldedString,
  libraryBaseline,
} from './baselines';
import type { Dictionary } from './corpus';
import { cappedThroughput, fmt, mbPerSecond, medianMs, memoryMb, ratio } from './measure';
import type { EngineResult } from './run-engine';
import { regexRow } from './run-regex';
import { printTable } from './table';

/** Budget for one run of a slow baseline before it stops doubling its input. */
const BUDGET_MS = 1500;

const HEADERS = [
  'matcher',
  'compile ms',
  'memory MB',
  'MB/s',
  'measured on',
  'engine faster by',
  'ms per 100 KB',
];

function timed<T>(make: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = make();
  return { value, ms: performance.now() - start };
}

function libraryRow(
  name: string,
  compileMs: number,
  memory: string,
  baseline: Baseline,
  text: string,
  own: number,
) {
  const { chars, ms, mbs } = cappedThroughput(text, BUDGET_MS, baseline.run);
  const measured = chars === text.length ? 'whole article' : `first ${fmt(chars, 0)} chars`;
  return [
    name,
    fmt(compileMs),
    memory,
    fmt(mbs, 2),
    measured,
    ratio(own / mbs),
    fmt((ms * text.length) / chars),
  ];
}

function compare(
  dictionary: Dictionary,
  own: EngineResult,
  article: string,
  folded: string,
  articleFile: string,
) {
  const ownMbs = mbPerSecond(article.length, own.articleMs);
  const rows = [
    [
      'Backstory engine (find)',
      fmt(own.compileMs),
      fmt(own.memoryMb),
      fmt(ownMbs, 1),
      'whole article',
      '1x',
      fmt(own.articleMs, 2),
    ],
  ];
  rows.push(regexRow(dictionary.name, articleFile, article.length, ownMbs));
  const keys = foldedKeys(dictionary.entries);
  const before = memoryMb();
  const library = timed(() => new AhoCorasick(keys));
  const after = memoryMb();
  const memory = fmt(after.heap - before.heap + after.arrays - before.arrays);
  rows.push(
    libraryRow('modern-ahocorasick', library.ms, memory, libraryBaseline(library.value), folded, ownMbs),
  );
  const pieces = chunkedBaseline(library.value, 1000);
  rows.push(libraryRow('modern-ahocorasick, 1 KB pieces', library.ms, memory, pieces, folded, ownMbs));
  const serialized = timed(() => library.value.serialize());
  const restoreMs = medianMs(1, () => AhoCorasick.deserialize(serialized.value), 0);
  printTable(
    `Side by side: ${dictionary.name} (${fmt(dictionary.entries.length, 0)} entries), 100 KB article`,
    HEADERS,
    rows,
  );
  console.log(
    `\nmodern-ahocorasick persistence: serialize ${fmt(serialized.ms)} ms to ${fmt(serialized.value.length / 1e6)} MB of JSON text, deserialize ${fmt(restoreMs)} ms.`,
  );
}

/** Runs the baselines for each dictionary and prints one table per dictionary. */
export function runBaselines(dictionaries: Dictionary[], engine: EngineResult[], article: string): void {
  const folded = foldedString(article);
  const dir = mkdtempSync(path.join(tmpdir(), 'backstory-bench-'));
  const articleFile = path.join(dir, 'article.txt');
  writeFileSync(articleFile, article);
  try {
    for (const dictionary of dictionaries) {
      const own = engine.find((e) => e.name === dictionary.name);
      if (own) compare(dictionary, own, article, folded, articleFile);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
