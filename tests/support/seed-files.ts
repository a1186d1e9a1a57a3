import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SeedFile } from '../../lib/pack/seed-check';

/** Reads every `*.json` seed pack in `dir`, named as `seeds/<file>`. */
export function readSeedFiles(dir: string): SeedFile[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ name: `seeds/${file}`, text: readFileSync(join(dir, file), 'utf8') }));
}
