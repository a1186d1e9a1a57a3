import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bundledSeedPacks, syncBundledSeeds } from '@/lib/background/bundled-seeds';
import { freshDb, makeCard, makePack } from '../factories';

describe('the bundled seed packs', () => {
  afterEach(() => vi.restoreAllMocks());

  it('are the packs in seeds/, as the build inlines them', () => {
    const file = resolve(import.meta.dirname, '../../../seeds/nato-russia.json');
    const packs = bundledSeedPacks();
    expect(packs.map((pack) => pack.pack.id)).toEqual(['nato-russia']);
    expect(packs[0]).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });

  it('skip an invalid pack with an error naming its file, card and field, and keep the rest', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const good = makePack();
    const bad = makePack([makeCard({ summary: '' })], { id: 'broken' });
    const packs = bundledSeedPacks({ '/seeds/broken.json': bad, '/seeds/good.json': good });
    expect(packs).toEqual([good]);
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0]?.[0]).toMatch(
      /^Backstory: seed pack skipped\n\/seeds\/broken\.json: card "nato" \(cards\[0\]\), field "summary" /,
    );
  });
});

describe('installing the bundled seed packs as the worker starts', () => {
  afterEach(() => vi.restoreAllMocks());

  it('installs them on a fresh database, and on a start with the same versions installs nothing', async () => {
    const db = freshDb();
    const pack = makePack();
    expect(await syncBundledSeeds(db, { '/seeds/test.json': pack })).toEqual(['test-pack']);
    expect(await db.cards.count()).toBe(pack.cards.length);
    expect(await syncBundledSeeds(db, { '/seeds/test.json': pack })).toEqual([]);
    db.close();
  });

  it('does not validate packs whose installed version is current', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const db = freshDb();
    await syncBundledSeeds(db, { '/seeds/test.json': makePack() });
    // The same id and version over a body that would not validate: it is not looked at.
    const unread = makePack([makeCard({ summary: '' })]);
    expect(await syncBundledSeeds(db, { '/seeds/test.json': unread })).toEqual([]);
    expect(error).not.toHaveBeenCalled();
    db.close();
  });

  it('installs a pack whose version changed, validated', async () => {
    const db = freshDb();
    await syncBundledSeeds(db, { '/seeds/test.json': makePack() });
    const next = makePack([makeCard({ summary: 'Rewritten for version 2.' })], { version: '2' });
    expect(await syncBundledSeeds(db, { '/seeds/test.json': next })).toEqual(['test-pack']);
    expect((await db.packs.get('test-pack'))?.version).toBe('2');
    expect((await db.cards.get('nato'))?.summary).toBe('Rewritten for version 2.');
    db.close();
  });

  it('validates every pack when a file has no readable id or version, and names what is wrong', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const db = freshDb();
    await syncBundledSeeds(db, { '/seeds/test.json': makePack() });
    const installed = await syncBundledSeeds(db, {
      '/seeds/test.json': makePack(),
      '/seeds/headless.json': { cards: [] },
    });
    expect(installed).toEqual([]);
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0]?.[0]).toMatch(/^Backstory: seed pack skipped\n\/seeds\/headless\.json/);
    db.close();
  });
});
