import type { Pack } from '../pack/types';
import { bumpRevision, toStoredCard } from './cards';
import type { PackRecord, StoredCard } from './records';
import type { BackstoryDB } from './schema';

/** The record of an installed or imported pack: its name and version, where and when it came from. */
export function packRecord(pack: Pack, origin: PackRecord['origin'], installed: number): PackRecord {
  const { id, title, version, language } = pack.pack;
  return { id, title, version, ...(language ? { language } : {}), origin, installed };
}

/** What installing a seed pack changed. */
export interface SeedReport {
  added: number;
  updated: number;
  /** Cards kept as they were because the reader edited them. */
  keptEdited: number;
  removed: number;
}

/**
 * Installs or updates a seed pack in one transaction. Cards the reader has not edited
 * follow the pack; edited cards, the reader's own cards and cards the reader deleted
 * (tombstones) are left alone. Unedited cards the new version dropped are removed.
 */
export async function installSeedPack(db: BackstoryDB, pack: Pack, now = Date.now()): Promise<SeedReport> {
  const report: SeedReport = { added: 0, updated: 0, keptEdited: 0, removed: 0 };
  await db.transaction('rw', [db.cards, db.packs, db.tombstones, db.settings], async () => {
    const ids = pack.cards.map((card) => card.id);
    const [existing, tombstones, record] = await Promise.all([
      db.cards.bulkGet(ids),
      db.tombstones.bulkGet(ids),
      db.packs.get(pack.pack.id),
    ]);
    // Cards the reader imported under this id before it became a seed pack's are theirs:
    // the seed neither updates nor removes them.
    const owned = record?.origin !== 'import';
    const writes: StoredCard[] = [];
    pack.cards.forEach((card, i) => {
      const old = existing[i];
      if (tombstones[i]) return;
      if (old && (old.edited || old.pack !== pack.pack.id || !owned)) {
        if (old.edited) report.keptEdited++;
        return;
      }
      writes.push(
        toStoredCard(card, {
          pack: pack.pack.id,
          edited: false,
          created: old?.created ?? now,
          modified: now,
        }),
      );
      if (old) report.updated++;
      else report.added++;
    });
    const keep = new Set(ids);
    const dropped = !owned
      ? []
      : await db.cards
          .where('pack')
          .equals(pack.pack.id)
          .filter((card) => !card.edited && !keep.has(card.id))
          .primaryKeys();
    report.removed = dropped.length;
    await db.cards.bulkPut(writes);
    await db.cards.bulkDelete(dropped);
    await db.packs.put(packRecord(pack, 'seed', now));
    await bumpRevision(db);
  });
  return report;
}

/**
 * Brings the database up to date with the bundled seed packs: a pack is installed when it
 * is missing or its version differs from the installed one. Cheap when nothing changed
 * (one read), so the background runs it at every start.
 */
export async function syncSeeds(
  db: BackstoryDB,
  packs: readonly Pack[],
  now = Date.now(),
): Promise<string[]> {
  const installed = await db.packs.bulkGet(packs.map((pack) => pack.pack.id));
  const changed = packs.filter((pack, i) => installed[i]?.version !== pack.pack.version);
  for (const pack of changed) await installSeedPack(db, pack, now);
  return changed.map((pack) => pack.pack.id);
}
