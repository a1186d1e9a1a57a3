import { readRevision, toStoredCard } from '@/lib/db/cards';
import { installSeedPack, syncSeeds } from '@/lib/db/install-pack';
import type { Card, Pack } from '@/lib/pack/types';
import { freshDb, makeCard, makePack } from '../factories';

function version(pack: Pack, v: string, cards = pack.cards): Pack {
  return { ...pack, pack: { ...pack.pack, version: v }, cards };
}

describe('seed installation', () => {
  it('imports every card of the seed packs on first run', async () => {
    const db = freshDb();
    const installed = await syncSeeds(db, [makePack()], 1000);
    expect(installed).toEqual(['test-pack']);
    expect((await db.cards.toArray()).map((card) => card.id).sort()).toEqual(['founding-act', 'nato']);
    expect(await db.packs.get('test-pack')).toMatchObject({ version: '1', origin: 'seed', installed: 1000 });
  });

  it('does nothing when the installed version is current', async () => {
    const db = freshDb();
    await syncSeeds(db, [makePack()]);
    const revision = await readRevision(db);
    expect(await syncSeeds(db, [makePack()])).toEqual([]);
    expect(await readRevision(db)).toBe(revision);
  });

  it('updates unedited cards and keeps edited ones when a new version ships', async () => {
    const db = freshDb();
    const v1 = makePack();
    await syncSeeds(db, [v1], 1000);
    await db.cards.update('nato', { summary: 'My own words.', edited: true });
    const v2 = version(
      v1,
      '2',
      v1.cards.map((card) => ({ ...card, summary: `New: ${card.summary}` })),
    );
    const report = await installSeedPack(db, v2, 2000);
    expect(report).toEqual({ added: 0, updated: 1, keptEdited: 1, removed: 0 });
    expect((await db.cards.get('nato'))?.summary).toBe('My own words.');
    expect((await db.cards.get('founding-act'))?.summary).toMatch(/^New: /);
    expect(await db.cards.get('founding-act')).toMatchObject({ created: 1000, modified: 2000 });
  });

  it('removes unedited cards a new version dropped and keeps edited ones', async () => {
    const db = freshDb();
    const v1 = makePack([makeCard({ id: 'a' }), makeCard({ id: 'b' }), makeCard({ id: 'c' })]);
    await syncSeeds(db, [v1]);
    await db.cards.update('b', { edited: true });
    const report = await installSeedPack(db, version(v1, '2', [makeCard({ id: 'a' })]));
    expect(report).toEqual({ added: 0, updated: 1, keptEdited: 0, removed: 1 });
    expect((await db.cards.toArray()).map((card) => card.id).sort()).toEqual(['a', 'b']);
  });

  it('does not bring back a seed card the reader deleted', async () => {
    const db = freshDb();
    const v1 = makePack();
    await syncSeeds(db, [v1]);
    await db.cards.delete('nato');
    await db.tombstones.put({ id: 'nato', deleted: 1 });
    await syncSeeds(db, [version(v1, '2')]);
    expect(await db.cards.get('nato')).toBeUndefined();
  });

  it("never overwrites the reader's own card that has the same id", async () => {
    const db = freshDb();
    const mine = makeCard({ summary: 'Mine.' });
    await db.cards.add({ ...mine, terms: ['nato'], edited: true, created: 1, modified: 1 });
    await syncSeeds(db, [makePack()]);
    expect((await db.cards.get('nato'))?.summary).toBe('Mine.');
  });

  it('bumps the card revision so the matcher is rebuilt', async () => {
    const db = freshDb();
    expect(await readRevision(db)).toBe(0);
    await syncSeeds(db, [makePack()]);
    expect(await readRevision(db)).toBe(1);
  });

  // Whichever write fails, none is kept: the pack record comes after the cards, and the
  // revision bump last (cards committed without it would stay unmatched).
  it.each([
    ['the pack record', 'packs'],
    ['the revision bump', 'settings'],
  ] as const)('writes nothing when %s cannot be written', async (_, table) => {
    const db = freshDb();
    const put = vi.spyOn(db[table], 'put').mockRejectedValue(new Error('quota'));
    try {
      await expect(installSeedPack(db, makePack())).rejects.toThrow('quota');
    } finally {
      put.mockRestore();
    }
    expect(await db.cards.count()).toBe(0);
    expect(await db.packs.count()).toBe(0);
    expect(await readRevision(db)).toBe(0);
  });

  it('records no language for a pack that declares none', async () => {
    const db = freshDb();
    await installSeedPack(db, makePack(undefined, { language: undefined }));
    expect(await db.packs.get('test-pack')).not.toHaveProperty('language');
  });

  it('leaves alone an unedited card with the same id that another pack installed', async () => {
    const db = freshDb();
    await syncSeeds(db, [makePack([makeCard({ summary: 'From the other pack.' })], { id: 'other-pack' })]);
    const report = await installSeedPack(db, makePack([makeCard({ summary: 'From this pack.' })]));
    expect(report).toEqual({ added: 0, updated: 0, keptEdited: 0, removed: 0 });
    expect(await db.cards.get('nato')).toMatchObject({ summary: 'From the other pack.', pack: 'other-pack' });
  });

  it("leaves alone the reader's own unedited card with the same id", async () => {
    const db = freshDb();
    await db.cards.add(
      toStoredCard(makeCard({ summary: 'Mine.' }), { edited: false, created: 1, modified: 1 }),
    );
    const report = await installSeedPack(db, makePack([makeCard({ summary: 'From the pack.' })]));
    expect(report).toEqual({ added: 0, updated: 0, keptEdited: 0, removed: 0 });
    const mine = await db.cards.get('nato');
    expect(mine?.summary).toBe('Mine.');
    expect(mine).not.toHaveProperty('pack');
  });

  it('leaves alone the cards of an imported pack whose id a later seed pack takes', async () => {
    const db = freshDb();
    const imported = makePack([makeCard({ id: 'mine', title: 'Mine' })], { id: 'news' });
    await db.cards.add(
      toStoredCard(imported.cards[0] as Card, { pack: 'news', edited: false, created: 1, modified: 1 }),
    );
    await db.packs.put({ id: 'news', title: 'My news', version: 'x', origin: 'import', installed: 1 });
    const seed = makePack(
      [makeCard({ id: 'mine', title: 'Theirs' }), makeCard({ id: 'other', title: 'Other' })],
      {
        id: 'news',
      },
    );
    const report = await installSeedPack(db, seed, 2000);
    expect(report).toMatchObject({ added: 1, updated: 0, removed: 0 });
    expect((await db.cards.get('mine'))?.title).toBe('Mine');
  });

  it('moves an imported pack apart when a seed pack takes its id, so later versions leave it too', async () => {
    const db = freshDb();
    for (const id of ['mine', 'mine2']) {
      await db.cards.add(
        toStoredCard(makeCard({ id, title: `Mine ${id}` }), {
          pack: 'news',
          edited: false,
          created: 1,
          modified: 1,
        }),
      );
    }
    await db.packs.put({ id: 'news', title: 'My news', version: 'x', origin: 'import', installed: 1 });
    const seed = (version: string, ids: string[]) =>
      makePack(
        ids.map((id) => makeCard({ id, title: `Seed ${id} ${version}` })),
        { id: 'news', version },
      );

    await installSeedPack(db, seed('1', ['mine', 'other']), 2000);
    expect(await db.packs.get('news-imported')).toEqual({
      id: 'news-imported',
      title: 'My news',
      version: 'x',
      origin: 'import',
      installed: 1,
    });
    expect((await db.packs.get('news'))?.origin).toBe('seed');
    // Version 2 ships "mine" again and drops "other": the import's cards stay as they were.
    const report = await installSeedPack(db, seed('2', ['mine', 'other2']), 3000);
    expect(report).toEqual({ added: 1, updated: 0, keptEdited: 0, removed: 1 });
    const cards = await db.cards.bulkGet(['mine', 'mine2', 'other', 'other2']);
    expect(cards.map((card) => card && [card.title, card.pack])).toEqual([
      ['Mine mine', 'news-imported'],
      ['Mine mine2', 'news-imported'],
      undefined,
      ['Seed other2 2', 'news'],
    ]);
  });
});
