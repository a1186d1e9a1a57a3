import type { Pack } from '../pack/types';
import { describeIssues, validatePack } from '../pack/validate';

// Vite inlines every seed pack at build time; the build-time check in wxt.config.ts has
// already refused invalid ones, so this validation is a second line of defence.
const seedFiles = import.meta.glob<unknown>('/seeds/*.json', { eager: true, import: 'default' });

/**
 * The seed packs shipped with this version of the extension, validated; an invalid one is
 * skipped with an error naming its file. `files` (path to parsed JSON) is for tests.
 */
export function bundledSeedPacks(files: Record<string, unknown> = seedFiles): Pack[] {
  const packs: Pack[] = [];
  for (const [file, json] of Object.entries(files)) {
    const result = validatePack(json);
    if (result.ok) packs.push(result.pack);
    else console.error(`Backstory: seed pack skipped\n${describeIssues(result.issues, file)}`);
  }
  return packs;
}
