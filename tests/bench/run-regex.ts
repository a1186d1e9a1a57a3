/**
 * The alternation-RegExp row of the side-by-side table. The RegExp runs in a child process
 * (regex-child.ts) because for 119k terms V8 needs about a minute to compile it; the child
 * is stopped at a time limit so the benchmark stays short.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, ratio } from './measure';

/** How long the child may take, compile included, before it is stopped. */
export const REGEX_LIMIT_MS = 45_000;

const here = path.dirname(fileURLToPath(import.meta.url));

interface RegexResult {
  compileMs: number;
  warmupMs: number;
  chars: number;
  ms: number;
  mbs: number;
}

function regexInChild(name: string, articleFile: string): RegexResult | undefined {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(here, 'regex-child.ts'), name, articleFile],
    {
      cwd: path.resolve(here, '../..'),
      encoding: 'utf8',
      timeout: REGEX_LIMIT_MS,
    },
  );
  if (child.status !== 0) return undefined;
  return JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as RegexResult;
}

/** The table row for dictionary `name`: compile, MB/s, and how much faster `ownMbs` is. */
export function regexRow(name: string, articleFile: string, textLength: number, ownMbs: number): string[] {
  const result = regexInChild(name, articleFile);
  if (!result) {
    return [
      'one alternation RegExp',
      `> ${fmt(REGEX_LIMIT_MS / 1000, 0)} s, stopped`,
      '',
      'n/a',
      '',
      'n/a',
      'n/a',
    ];
  }
  return [
    'one alternation RegExp',
    `${fmt(result.compileMs)} (+${fmt(result.warmupMs)} warm-up)`,
    '',
    fmt(result.mbs, 2),
    result.chars === textLength ? 'whole article' : `first ${fmt(result.chars, 0)} chars`,
    ratio(ownMbs / result.mbs),
    fmt((result.ms * textLength) / result.chars),
  ];
}
