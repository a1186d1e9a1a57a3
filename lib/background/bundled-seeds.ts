import { syncSeeds } from '../db/install-pack';
import type { BackstoryDB } from '../db/schema';
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

/** A seed file's pack id and version as written, without validating the rest; undefined if unreadable. */
function packHead(json: unknown): { id: string; version: string } | undefined {
  const head = (json as { pack?: { id?: unknown; version?: unknown } } | null)?.pack;
  return typeof head?.id === 'string' && typeof head.version === 'string'
    ? { id: head.id, version: head.version }
    : undefined;
}

/**
 * Installs the bundled seed packs that are new or of another version (see syncSeeds). Every
 * worker start runs this on the way to a restarted worker's first answer, and almost always
 * every pack is already installed: the installed versions are compared with the files' own
 * first, and the packs are validated only when one is to be installed (or a file's id and
 * version cannot be read, so validation names what is wrong with it). Resolves with the ids
 * of the packs installed.
 */
export async function syncBundledSeeds(
  db: BackstoryDB,
  files: Record<string, unknown> = seedFiles,
): Promise<string[]> {
  const heads = Object.values(files).map(packHead);
  const known = heads.filter((head) => head !== undefined);
  if (known.length === heads.length) {
    const installed = await db.packs.bulkGet(known.map((head) => head.id));
    if (known.every((head, i) => installed[i]?.version === head.version)) return [];
  }
  return syncSeeds(db, bundledSeedPacks(files));
}
