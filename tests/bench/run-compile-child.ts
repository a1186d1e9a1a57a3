/**
 * Benchmark section: compile the biggest dictionary in fresh processes, once as is (time
 * with nothing warmed up, peak memory) and once with V8's heap capped, to show it fits.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt } from './measure';
import { printTable } from './table';

/** The heap cap the compile must fit under (V8 old space, MB). */
const HEAP_CAP_MB = 48;

const here = path.dirname(fileURLToPath(import.meta.url));

function compileInChild(
  name: string,
  flags: string[],
): { compileMs: number; peakRiseMb: number } | undefined {
  const script = path.join(here, 'compile-child.ts');
  const child = spawnSync(process.execPath, ['--expose-gc', ...flags, '--import', 'tsx', script, name], {
    cwd: path.resolve(here, '../..'),
    encoding: 'utf8',
  });
  if (child.status !== 0) return undefined;
  return JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}');
}

/** Prints the fresh-process compile table for dictionary `name`. */
export function runCompileInChild(name: string): void {
  const plain = compileInChild(name, []);
  const capped = compileInChild(name, [`--max-old-space-size=${HEAP_CAP_MB}`]);
  printTable(
    `Compile ${name} in a fresh process`,
    ['measure', 'value'],
    [
      ['compile ms, nothing warmed up', plain ? fmt(plain.compileMs) : 'failed'],
      ['peak resident memory rise during compile (MB)', plain ? fmt(plain.peakRiseMb) : 'failed'],
      [
        `compile with the V8 heap capped at ${HEAP_CAP_MB} MB (term list and tsx included)`,
        capped ? `succeeds (${fmt(capped.compileMs)} ms)` : 'fails',
      ],
    ],
  );
}
