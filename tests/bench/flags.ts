/** Command-line flags of the benchmark scripts, read one way for all of them. */
import { resolve } from 'node:path';

/**
 * How a flag's value is read: `count` a whole number from 1, `whole` one from 0, `counts` a
 * comma-separated list of counts (sorted ascending), `names` a comma-separated list, `dir`
 * a folder (made absolute), `on` a switch that takes no value.
 */
export type FlagKind = 'count' | 'whole' | 'counts' | 'names' | 'dir' | 'on';

/** Each flag (`--pages`) with the option it sets and how its value is read. */
export type FlagSpec<T> = Record<string, readonly [keyof T, FlagKind]>;

const PLACEHOLDER: Record<FlagKind, string> = {
  count: ' N',
  whole: ' N',
  counts: ' N,N',
  names: ' a,b',
  dir: ' DIR',
  on: '',
};

/** The flags a script takes, for its error messages: `--pages N, --build DIR, --firefox`. */
export function describeFlags<T>(spec: FlagSpec<T>): string {
  return Object.entries(spec)
    .map(([flag, [, kind]]) => `${flag}${PLACEHOLDER[kind]}`)
    .join(', ');
}

function wholeNumber(flag: string, text: string, least: number): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isInteger(n) || n < least)
    throw new Error(`${flag} needs a whole number from ${least}, not "${text}"`);
  return n;
}

function readValue(flag: string, kind: FlagKind, text: string): unknown {
  switch (kind) {
    case 'count':
      return wholeNumber(flag, text, 1);
    case 'whole':
      return wholeNumber(flag, text, 0);
    case 'counts':
      return text
        .split(',')
        .map((part) => wholeNumber(flag, part, 1))
        .sort((a, b) => a - b);
    case 'names':
      return text.split(',').filter((name) => name !== '');
    case 'dir':
      return resolve(text);
    case 'on':
      return true;
  }
}

/**
 * Reads `argv` (the arguments after the script) into a copy of `defaults`. Throws with a
 * message naming the flag and listing the flags the script takes when one is unknown or its
 * value is missing or wrong.
 */
export function parseFlags<T extends object>(argv: readonly string[], defaults: T, spec: FlagSpec<T>): T {
  const options = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string;
    const entry = Object.hasOwn(spec, flag) ? spec[flag] : undefined;
    if (!entry) throw new Error(`unknown option ${flag}; options: ${describeFlags(spec)}`);
    const [key, kind] = entry;
    let text = '';
    if (kind !== 'on') {
      text = argv[++i] ?? '';
      if (text === '' || text.startsWith('--')) throw new Error(`${flag} needs a value:${PLACEHOLDER[kind]}`);
    }
    (options as Record<keyof T, unknown>)[key] = readValue(flag, kind, text);
  }
  return options;
}

/** `parseFlags`, or the message on stderr and exit status 2 (a script's command line). */
export function optionsOrExit<T extends object>(argv: readonly string[], defaults: T, spec: FlagSpec<T>): T {
  try {
    return parseFlags(argv, defaults, spec);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
}
