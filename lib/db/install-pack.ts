import type { Pack } from '../pack/types';
import { bumpRevision, toStoredCard } from './cards';
import type { PackRecord, StoredCard } from './records';
import type { BackstoryDB } from './schema';

/** The record of an installed or imported pack: its name and version, where and when it came from. */
export function packRecord(pack: Pack, origin: PackRecord['origin'], installed: number): PackRecord {
  const { id, title, version, language } = pack.pack;
  return { id, title, version, ...(language ? { language } : {}), origin, installed };
}

/**
 * The id an imported pack is kept under when a seed pack has (or takes) its id: seed
 * updates remove the unedited cards of their pack that they no longer ship, so an import
 * sharing the id would lose its cards. Within the 128 characters an id may have.
 */
export function importedPackId(id: string): string {
  return `${id.slice(0, 119)}-imported`;
}

/**
 * Moves an imported pack's cards and record to `importedPackId`, where a seed pack that
 * now takes its id leaves them alone in this and every later version. Merged with a pack
 * already there (its record is kept).
 */
async function moveImportApart(db: BackstoryDB, record: PackRecord): Promise<void> {
  const apart = importedPackId(record.id);
  await db.cards.where('pack').equals(record.id).modify({ pack: apart });
  if (!(await db.packs.get(apart))) await db.packs.put({ ...record, id: apart });
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
    // they move apart first, and the seed neither updates nor removes them, now or later.
    const imported = record?.origin === 'import';
    if (imported) await moveImportApart(db, record);
    const writes: StoredCard[] = [];
    pack.cards.forEach((card, i) => {
      const old = existing[i];
      if (tombstones[i]) return;
      // Every card of this id's pack, read before the move, was the import's.
      if (old && (old.edited || old.pack !== pack.pack.id || imported)) {
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
    const dropped = await db.cards
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
