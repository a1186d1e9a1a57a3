import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deleteCard } from '@/lib/db/card-writes';
import { readRevision, toStoredCard } from '@/lib/db/cards';
import { syncSeeds } from '@/lib/db/install-pack';
import { exportPacks, exportVersion, packFileName, packFileText, packIdFor } from '@/lib/db/pack-export';
import { importPack, planImport, undoImport } from '@/lib/db/pack-import';
import { LIMITS } from '@/lib/pack/limits';
import { readPackText } from '@/lib/pack/read-pack';
import type { Card, Pack } from '@/lib/pack/types';
import { freshDb, makeCard, makePack, writeEditedCard } from '../factories';

const seedFile = resolve(import.meta.dirname, '../../../seeds/nato-russia.json');
const seedPack = () => JSON.parse(readFileSync(seedFile, 'utf8')) as Pack;
const keep = { replaceYours: false };
const ids = async (db: ReturnType<typeof freshDb>) =>
  (await db.cards.toArray()).map((card) => card.id).sort();

describe('importing a pack', () => {
  it('adds every card of a pack in one write, as unedited cards of that pack, and records the pack', async () => {
    const db = freshDb();
    const result = await importPack(db, makePack(), keep, 500);
    expect(result.written).toBe(2);
    expect(result.plan.added).toEqual(['nato', 'founding-act']);
    expect(await ids(db)).toEqual(['founding-act', 'nato']);
    expect(await db.cards.get('nato')).toMatchObject({
      pack: 'test-pack',
      edited: false,
      created: 500,
      modified: 500,
    });
    expect(await db.packs.get('test-pack')).toEqual({
      id: 'test-pack',
      title: 'Test pack',
      version: '1',
      language: 'en',
      origin: 'import',
      installed: 500,
    });
    expect(await readRevision(db)).toBe(result.revision);
  });

  it('plans without writing: new, restored, updated, unchanged, the reader’s own and Backstory’s own cards', async () => {
    const db = freshDb();
    await syncSeeds(db, [
      makePack([
        makeCard(),
        makeCard({ id: 'moscow', title: 'Moscow' }),
        makeCard({ id: 'gone', title: 'Gone' }),
      ]),
    ]);
    await importPack(db, makePack([makeCard({ id: 'kyiv', title: 'Kyiv' })], { id: 'earlier' }), keep);
    await writeEditedCard(db, makeCard({ id: 'mine', title: 'Mine', summary: 'My words.' }));
    // A card of no pack is the reader's even if it was never marked edited.
    await db.cards.put(
      toStoredCard(makeCard({ id: 'own', title: 'Own' }), { edited: false, created: 1, modified: 1 }),
    );
    await deleteCard(db, 'gone');
    const revision = await readRevision(db);
    const incoming = makePack(
      [
        makeCard(),
        makeCard({ id: 'kyiv', title: 'Kyiv', summary: 'Capital of Ukraine.' }),
        makeCard({ id: 'moscow', title: 'Moscow', summary: 'The pack’s words.' }),
        makeCard({ id: 'gone', title: 'Gone' }),
        makeCard({ id: 'mine', title: 'Mine', summary: 'The pack’s words.' }),
        makeCard({ id: 'own', title: 'Own', summary: 'The pack’s words.' }),
        makeCard({ id: 'new', title: 'New' }),
      ],
      { id: 'incoming' },
    );
    expect(await planImport(db, incoming)).toEqual({
      added: ['new'],
      restored: ['gone'],
      updated: ['kyiv'],
      unchanged: ['nato'],
      yours: ['mine', 'own'],
      builtIn: ['moscow'],
      packId: 'incoming',
      seedClash: false,
    });
    expect(await readRevision(db)).toBe(revision);
    expect(await db.cards.get('new')).toBeUndefined();
  });

  it('keeps the reader’s cards unless told to replace them, brings deleted cards back, and leaves unchanged ones alone', async () => {
    const db = freshDb();
    await syncSeeds(
      db,
      [makePack([makeCard(), makeCard({ id: 'gone', title: 'Gone' })], { id: 'seeds' })],
      100,
    );
    await writeEditedCard(db, makeCard({ id: 'mine', title: 'Mine', summary: 'My words.' }));
    await deleteCard(db, 'gone');
    const incoming = makePack([
      makeCard(),
      makeCard({ id: 'gone', title: 'Gone' }),
      makeCard({ id: 'mine', title: 'Mine', summary: 'The pack’s words.' }),
    ]);
    const kept = await importPack(db, incoming, keep, 200);
    expect(kept.written).toBe(1);
    expect((await db.cards.get('mine'))?.summary).toBe('My words.');
    expect(await db.cards.get('gone')).toMatchObject({ pack: 'test-pack', created: 200 });
    expect(await db.tombstones.get('gone')).toBeUndefined();
    // The unchanged card keeps its origin, so seed updates still reach it.
    expect(await db.cards.get('nato')).toMatchObject({ pack: 'seeds', modified: 100 });
    const replaced = await importPack(db, incoming, { replaceYours: true }, 300);
    expect(replaced.written).toBe(1);
    expect(await db.cards.get('mine')).toMatchObject({
      summary: 'The pack’s words.',
      edited: false,
      created: 1,
    });
  });

  it('keeps the cards Backstory came with unless told to replace them; replaced, they leave the seed pack', async () => {
    const db = freshDb();
    await syncSeeds(db, [makePack([makeCard()], { id: 'seeds', version: '1' })], 100);
    // A pack of another id that has a card with a seed card's id, saying something else.
    const other = makePack([makeCard({ summary: 'Another account.', sources: [] })], { id: 'harmless' });
    const kept = await importPack(db, other, keep, 200);
    expect(kept.plan.builtIn).toEqual(['nato']);
    expect(kept.written).toBe(0);
    expect(await db.cards.get('nato')).toMatchObject({ pack: 'seeds', modified: 100 });
    // Kept, it still gets the seed pack's corrections.
    await syncSeeds(
      db,
      [makePack([makeCard({ summary: 'Corrected.' })], { id: 'seeds', version: '2' })],
      300,
    );
    expect(await db.cards.get('nato')).toMatchObject({ pack: 'seeds', summary: 'Corrected.' });
    const replaced = await importPack(db, other, { replaceYours: false, replaceBuiltIn: true }, 400);
    expect(replaced.written).toBe(1);
    expect(await db.cards.get('nato')).toMatchObject({ pack: 'harmless', summary: 'Another account.' });
  });

  it('says how far a large import has got, slice by slice', async () => {
    const db = freshDb();
    const cards = Array.from({ length: 10_001 }, (_, i) => ({
      id: `c${i}`,
      title: `Card ${i}`,
      summary: 'S.',
    }));
    const progress: [number, number][] = [];
    await importPack(db, makePack(cards), keep, 1, (written, total) => progress.push([written, total]));
    expect(progress).toEqual([
      [5000, 10_001],
      [10_000, 10_001],
      [10_001, 10_001],
    ]);
    expect(await db.cards.count()).toBe(10_001);
  });

  it('keeps a pack with a seed pack’s id apart, so the next seed sync removes none of its cards', async () => {
    const db = freshDb();
    const seeds = makePack(undefined, { id: 'nato-russia', version: '2026.11.28' });
    await syncSeeds(db, [seeds], 100);
    // A backup titled like the seed pack: the seed's cards unchanged, one of the reader's.
    const backup = makePack([...seeds.cards, makeCard({ id: 'minsk', title: 'Minsk agreements' })], {
      id: 'nato-russia',
      version: '2026.12.03.1427',
    });
    const plan = await planImport(db, backup);
    expect(plan).toMatchObject({ added: ['minsk'], packId: 'nato-russia-imported', seedClash: true });
    await importPack(db, backup, keep, 200);
    expect(await db.cards.get('minsk')).toMatchObject({ pack: 'nato-russia-imported' });
    expect(await db.packs.get('nato-russia')).toMatchObject({ origin: 'seed', version: '2026.11.28' });
    // The browser starts again: the seeds are current, and the reader's card is still there.
    expect(await syncSeeds(db, [seeds], 300)).toEqual([]);
    expect(await db.cards.get('minsk')).toBeDefined();
  });

  it('counts a card as the same whatever the order of the keys in its file', async () => {
    const db = freshDb();
    await syncSeeds(db, [makePack()]);
    const reordered = makePack().cards.map((card) => ({
      ...card,
      sources: card.sources?.map(({ title, url }) => ({ url, title })),
      facts: card.facts?.map(({ label, value }) => ({ value, label })),
    }));
    expect((await planImport(db, makePack(reordered as Card[], { id: 'copy' }))).unchanged).toEqual([
      'nato',
      'founding-act',
    ]);
  });

  it('writes nothing when the write fails part way', async () => {
    const db = freshDb();
    await importPack(db, makePack([makeCard({ id: 'first', title: 'First' })]), keep);
    const revision = await readRevision(db);
    const failing = makePack([makeCard({ id: 'second', title: 'Second' })], { id: 'other' });
    // The pack record is written after the cards, inside the same transaction.
    const spy = vi.spyOn(db.packs, 'put').mockRejectedValue(new Error('disk full'));
    await expect(importPack(db, failing, keep)).rejects.toThrow('disk full');
    spy.mockRestore();
    expect(await ids(db)).toEqual(['first']);
    expect(await db.packs.get('other')).toBeUndefined();
    expect(await readRevision(db)).toBe(revision);
  });

  it('is taken back by undo: new cards go, replaced ones and deleted ones return as they were', async () => {
    const db = freshDb();
    await syncSeeds(
      db,
      [makePack([makeCard(), makeCard({ id: 'gone', title: 'Gone' })], { id: 'seeds' })],
      100,
    );
    await deleteCard(db, 'gone', 150);
    const before = await db.cards.toArray();
    const packsBefore = await db.packs.toArray();
    const incoming = makePack([
      makeCard({ summary: 'Changed.' }),
      makeCard({ id: 'gone', title: 'Gone' }),
      makeCard({ id: 'new', title: 'New' }),
    ]);
    const result = await importPack(db, incoming, { replaceYours: false, replaceBuiltIn: true }, 200);
    expect(result.written).toBe(3);
    const undone = await undoImport(db, result.undo);
    // "gone" had been deleted before the import brought it back.
    expect(undone).toMatchObject({ removed: 1, deletedAgain: 1, putBack: 1 });
    expect(await db.cards.toArray()).toEqual(before);
    expect(await db.tombstones.get('gone')).toEqual({ id: 'gone', deleted: 150 });
    expect(await db.packs.toArray()).toEqual(packsBefore);
    expect(await readRevision(db)).toBe(undone.revision);
  });

  it('keeps on undo a card changed after the import, by the reader or by a later import', async () => {
    const db = freshDb();
    const result = await importPack(db, makePack(), keep, 200);
    await writeEditedCard(db, makeCard({ summary: 'Edited after the import.' }));
    const later = makePack([makeCard({ id: 'founding-act', title: 'Founding Act', summary: 'Version 2.' })], {
      version: '2',
    });
    await importPack(db, later, keep, 300);
    const undone = await undoImport(db, result.undo);
    expect(undone).toMatchObject({ removed: 0, deletedAgain: 0, putBack: 0 });
    expect((await db.cards.get('nato'))?.summary).toBe('Edited after the import.');
    expect((await db.cards.get('founding-act'))?.summary).toBe('Version 2.');
    // The later import's record of the pack stays too.
    expect((await db.packs.get(later.pack.id))?.version).toBe('2');
  });
});

describe('exporting cards', () => {
  it('writes every card with exactly its public fields, ordered by id, as a valid pack', async () => {
    const db = freshDb();
    await syncSeeds(db, [seedPack()]);
    const [pack, more] = await exportPacks(
      db,
      { scope: 'all', title: 'My Backstory' },
      new Date(2026, 11, 3, 14, 5),
    );
    if (!pack) throw new Error('no pack');
    expect(more).toBeUndefined();
    expect(pack.pack).toEqual({ id: 'my-backstory', title: 'My Backstory', version: '2026.12.03.140500' });
    const byId = [...seedPack().cards].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(pack.cards).toEqual(byId);
    expect(readPackText('export.json', packFileText(pack))).toEqual({ ok: true, pack });
    expect(packFileName(pack)).toBe('my-backstory-2026.12.03.140500.json');
  });

  it('writes a related id once, and none longer than an id, from a card stored before the format said so', async () => {
    const db = freshDb();
    const related = ['kremlin', 'kremlin', 'r'.repeat(LIMITS.idLength + 1), 'hague'];
    await db.cards.put(toStoredCard(makeCard({ related }), { edited: true, created: 1, modified: 1 }));
    const [pack] = await exportPacks(db, { scope: 'all', title: 'Old' });
    expect(pack?.cards[0]?.related).toEqual(['kremlin', 'hague']);
  });

  it('can hold only the cards the reader wrote or edited', async () => {
    const db = freshDb();
    await syncSeeds(db, [makePack()]);
    await writeEditedCard(db, makeCard({ summary: 'Edited.' }));
    await db.cards.put(
      toStoredCard(makeCard({ id: 'own', title: 'Own' }), { edited: false, created: 1, modified: 1 }),
    );
    const [pack] = await exportPacks(db, { scope: 'yours', title: 'Mine' });
    expect(pack?.cards.map((card) => card.id)).toEqual(['nato', 'own']);
  });

  it('round-trips: the seed pack imported into an empty browser and exported again has the same cards', async () => {
    // One clock for both exports: the version is the export's time, and a real clock can tick
    // to the next second between them (a CI run failed that way).
    const at = new Date(2026, 11, 3, 14, 5);
    const first = freshDb();
    await importPack(first, seedPack(), keep);
    const [exported] = await exportPacks(first, { scope: 'all', title: 'Round trip' }, at);
    if (!exported) throw new Error('no pack');
    const second = freshDb();
    const read = readPackText('round-trip.json', packFileText(exported));
    if (!read.ok) throw new Error(read.problems.join('\n'));
    await importPack(second, read.pack, keep);
    const [again] = await exportPacks(second, { scope: 'all', title: 'Round trip' }, at);
    if (!again) throw new Error('no pack');
    expect(packFileText(again)).toBe(packFileText(exported));
    // Field order aside (exports write the fields in one order), every seed card is intact.
    const seeds = new Map(seedPack().cards.map((card) => [card.id, card]));
    expect(again.cards).toHaveLength(seeds.size);
    for (const card of again.cards) expect(card).toEqual(seeds.get(card.id));
  });

  it('splits more cards than a pack may hold into parts that import back into every card', async () => {
    const db = freshDb();
    await importPack(db, seedPack(), keep);
    const parts = await exportPacks(db, { scope: 'all', title: 'Big' }, new Date(2026, 11, 3, 14, 5), 10);
    expect(parts.map((part) => [part.pack.version, part.cards.length])).toEqual([
      ['2026.12.03.140500-part-1-of-3', 10],
      ['2026.12.03.140500-part-2-of-3', 10],
      ['2026.12.03.140500-part-3-of-3', 3],
    ]);
    const copy = freshDb();
    for (const part of parts) await importPack(copy, part, keep);
    expect(await ids(copy)).toEqual(await ids(db));
  });

  it('makes one empty pack when there is nothing to export', async () => {
    const parts = await exportPacks(freshDb(), { scope: 'yours', title: 'Nothing' });
    expect(parts.map((part) => part.cards.length)).toEqual([0]);
  });

  it('names the pack after its title, or "cards-" and a hash of it when the title has nothing to keep', () => {
    expect(packIdFor('  Mes fiches: l’Été 2026 ')).toBe('mes-fiches-l-ete-2026');
    const arabic = packIdFor('قمة لاهاي');
    expect(arabic).toMatch(/^cards-[0-9a-f]{8}$/);
    expect(packIdFor(' قمة لاهاي ')).toBe(arabic);
    expect(packIdFor('ハーグ首脳会議')).toMatch(/^cards-[0-9a-f]{8}$/);
    expect(packIdFor('ハーグ首脳会議')).not.toBe(arabic);
    expect(packIdFor('!!!')).not.toBe(packIdFor('???'));
    expect(exportVersion(new Date(2026, 0, 5, 7, 9, 3))).toBe('2026.01.05.070903');
  });
});
