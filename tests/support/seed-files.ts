import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SeedFile } from '../../lib/pack/seed-check';

/** Reads every `*.json` seed pack in `dir`, named as `seeds/<file>`. */
export function readSeedFiles(dir: string): SeedFile[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ name: `seeds/${file}`, text: readFileSync(join(dir, file), 'utf8') }));
}

/** Every term of the repo's seed cards (titles and aliases): the seeds are installed beside any other cards. */
export function seedTerms(dir = resolve(import.meta.dirname, '../../seeds')): string[] {
  return readSeedFiles(dir).flatMap(({ text }) =>
    (JSON.parse(text) as { cards: { title: string; aliases?: string[] }[] }).cards.flatMap((card) => [
      card.title,
      ...(card.aliases ?? []),
    ]),
  );
}
