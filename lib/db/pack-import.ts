import type { Card, Pack } from '../pack/types';
import { bumpRevision, isYours, toPackCard, toStoredCard } from './cards';
import { importedPackId, packRecord } from './install-pack';
import type { PackRecord, StoredCard, Tombstone } from './records';
import type { BackstoryDB } from './schema';

/**
 * What importing a pack does to one of its cards:
 * - `added`: no card has its id;
 * - `restored`: the reader deleted a pack card with this id, and it comes back;
 * - `updated`: a card from a pack, unedited, takes the imported content;
 * - `unchanged`: the stored card already says exactly this, and is left as it is;
 * - `yours`: the reader wrote or edited the stored card; replaced only when they choose;
 * - `builtIn`: the stored card came with Backstory (a seed pack) and the pack says otherwise;
 *   replaced only when the reader chooses, since a replaced card leaves the seed pack and no
 *   longer gets Backstory's corrections.
 */
export type ImportEffect = 'added' | 'restored' | 'updated' | 'unchanged' | 'yours' | 'builtIn';

/**
 * Card ids by what importing would do to them, in the pack's order, and the pack id the
 * written cards get: the pack's own, unless a seed pack installed with Backstory has it.
 */
export type ImportPlan = Record<ImportEffect, string[]> & {
  packId: string;
  /** The pack has a seed pack's id, so its cards are kept apart under `packId`. */
  seedClash: boolean;
};

/** The reader's choice for cards they wrote or edited, and cards Backstory came with, that the pack would change. */
export interface ImportChoice {
  replaceYours: boolean;
  replaceBuiltIn?: boolean;
}

/** Enough to take an import back, while nothing else has changed those cards. */
export interface ImportUndo {
  packId: string;
  /** Each written card as it was before (undefined: there was none), and as written. */
  cards: { id: string; before: StoredCard | undefined; modified: number }[];
  tombstones: Tombstone[];
  packBefore: PackRecord | undefined;
  /** When the import wrote the pack's record: a record written since is left as it is. */
  installed: number;
}

/** What an import wrote. */
export interface ImportResult {
  plan: ImportPlan;
  /** Cards written: the plan's added, restored and updated, and `yours` and `builtIn` if replaced. */
  written: number;
  revision: number;
  undo: ImportUndo;
}

/** Cards written between two progress reports. */
const WRITE_SLICE = 5000;

/** JSON with every object's keys in one order, so key order in a file does not count. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

function sameCard(stored: StoredCard, card: Card): boolean {
  return canonical(toPackCard(stored)) === canonical(toPackCard(card as StoredCard));
}

/**
 * The id an import's cards and record take. A seed pack's id is Backstory's own: seed
 * updates remove that pack's unedited cards they no longer ship, so an import under it
 * (a backup titled like the seed pack, say) would lose its cards at the next browser start.
 * Such a pack is kept apart under `<id>-imported`.
 */
async function importId(db: BackstoryDB, pack: Pack): Promise<{ packId: string; seedClash: boolean }> {
  const { id } = pack.pack;
  if ((await db.packs.get(id))?.origin !== 'seed') return { packId: id, seedClash: false };
  return { packId: importedPackId(id), seedClash: true };
}

function effectOf(
  card: Card,
  old: StoredCard | undefined,
  tombstone: Tombstone | undefined,
  seedPacks: ReadonlySet<string>,
): ImportEffect {
  if (!old) return tombstone ? 'restored' : 'added';
  if (sameCard(old, card)) return 'unchanged';
  if (isYours(old)) return 'yours';
  if (old.pack !== undefined && seedPacks.has(old.pack)) return 'builtIn';
  return 'updated';
}

/** Ids of the seed packs installed with Backstory. */
async function seedPackIds(db: BackstoryDB): Promise<Set<string>> {
  const packs = await db.packs.toArray();
  return new Set(packs.filter((record) => record.origin === 'seed').map((record) => record.id));
}

async function readExisting(db: BackstoryDB, pack: Pack) {
  const { packId, seedClash } = await importId(db, pack);
  const ids = pack.cards.map((card) => card.id);
  const [existing, tombstones, seeds] = await Promise.all([
    db.cards.bulkGet(ids),
    db.tombstones.bulkGet(ids),
    seedPackIds(db),
  ]);
  const effects = pack.cards.map((card, i) => effectOf(card, existing[i], tombstones[i], seeds));
  const plan: ImportPlan = {
    added: [],
    restored: [],
    updated: [],
    unchanged: [],
    yours: [],
    builtIn: [],
    packId,
    seedClash,
  };
  effects.forEach((effect, i) => {
    plan[effect].push(ids[i] as string);
  });
  return { existing, tombstones, effects, plan };
}

/** What importing `pack` would do now, card by card; writes nothing. */
export async function planImport(db: BackstoryDB, pack: Pack): Promise<ImportPlan> {
  return db.transaction(
    'r',
    [db.cards, db.tombstones, db.packs],
    async () => (await readExisting(db, pack)).plan,
  );
}

/**
 * Imports a pack in one transaction: either every card is written or none is. Cards take
 * the pack's id as their origin and count as unedited, so a later import of the same pack
 * updates them. Nothing is removed: a card the pack does not have stays. The pack is
 * recorded (or its record updated) as imported. The plan is worked out again inside the
 * transaction, so a change made since it was shown cannot be overwritten unseen.
 */
export async function importPack(
  db: BackstoryDB,
  pack: Pack,
  choice: ImportChoice,
  now = Date.now(),
  onProgress: (written: number, total: number) => void = () => {},
): Promise<ImportResult> {
  return db.transaction('rw', [db.cards, db.tombstones, db.packs, db.settings], async () => {
    const { existing, tombstones, effects, plan } = await readExisting(db, pack);
    const { packId } = plan;
    const writes: StoredCard[] = [];
    const undo: ImportUndo = {
      packId,
      cards: [],
      tombstones: [],
      packBefore: await db.packs.get(packId),
      installed: now,
    };
    pack.cards.forEach((card, i) => {
      const effect = effects[i];
      if (effect === 'unchanged' || (effect === 'yours' && !choice.replaceYours)) return;
      if (effect === 'builtIn' && !choice.replaceBuiltIn) return;
      const old = existing[i];
      writes.push(
        toStoredCard(card, {
          pack: packId,
          edited: false,
          created: old?.created ?? now,
          modified: now,
        }),
      );
      undo.cards.push({ id: card.id, before: old, modified: now });
      const tombstone = tombstones[i];
      if (tombstone) undo.tombstones.push(tombstone);
    });
    // In slices, so a large pack can say how far it has got (still one transaction).
    for (let done = 0; done < writes.length; done += WRITE_SLICE) {
      await db.cards.bulkPut(writes.slice(done, done + WRITE_SLICE));
      onProgress(Math.min(done + WRITE_SLICE, writes.length), writes.length);
    }
    await db.tombstones.bulkDelete(undo.tombstones.map((tombstone) => tombstone.id));
    await db.packs.put({ ...packRecord(pack, 'import', now), id: packId });
    const revision = await bumpRevision(db);
    return { plan, written: writes.length, revision, undo };
  });
}

/** What Undo import did, counted as it did it; cards changed since the import are in none. */
export interface ImportUndone {
  /** New cards the import added, removed again. */
  removed: number;
  /** Cards the reader had deleted and the import brought back, deleted again. */
  deletedAgain: number;
  /** Cards the import updated, back as they were before it. */
  putBack: number;
}

/**
 * Takes an import back: each card it wrote returns to what it was (or goes, if it was new),
 * unless it has changed since the import, which is then kept; deleted cards it brought back
 * are deleted again. The pack's record goes back too, unless a later import or a seed
 * pack wrote it since. Resolves with what it did and the new revision.
 */
export async function undoImport(
  db: BackstoryDB,
  undo: ImportUndo,
): Promise<ImportUndone & { revision: number }> {
  return db.transaction('rw', [db.cards, db.tombstones, db.packs, db.settings], async () => {
    const current = await db.cards.bulkGet(undo.cards.map((card) => card.id));
    const puts: StoredCard[] = [];
    const deletes: string[] = [];
    undo.cards.forEach((written, i) => {
      const now = current[i];
      if (!now || now.pack !== undo.packId || now.modified !== written.modified) return;
      if (written.before) puts.push(written.before);
      else deletes.push(written.id);
    });
    await db.cards.bulkPut(puts);
    await db.cards.bulkDelete(deletes);
    const gone = new Set(deletes);
    const tombstones = undo.tombstones.filter((tombstone) => gone.has(tombstone.id));
    await db.tombstones.bulkPut(tombstones);
    const record = await db.packs.get(undo.packId);
    if (record?.origin === 'import' && record.installed === undo.installed) {
      if (undo.packBefore) await db.packs.put(undo.packBefore);
      else await db.packs.delete(undo.packId);
    }
    return {
      removed: deletes.length - tombstones.length,
      deletedAgain: tombstones.length,
      putBack: puts.length,
      revision: await bumpRevision(db),
    };
  });
}
