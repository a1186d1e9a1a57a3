import { type MatcherCodec, MatcherService, termEntries } from '@/lib/background/matcher-service';
import { MATCHER_CACHE_KEY, readStoredMatcher } from '@/lib/background/stored-matcher';
import { toStoredCard } from '@/lib/db/cards';
import { syncSeeds } from '@/lib/db/install-pack';
import { compileMatcher, loadMatcher, serializeMatcher } from '@/lib/match';
import { freshDb, makeCard, makePack, writeEditedCard } from '../factories';

/** The real engine, counting compilations. */
function countingCodec() {
  const counts = { compile: 0, load: 0 };
  const codec: MatcherCodec = {
    compile: (entries) => {
      counts.compile++;
      return compileMatcher(entries);
    },
    serialize: serializeMatcher,
    load: (bytes) => {
      counts.load++;
      return loadMatcher(bytes);
    },
  };
  return { codec, counts };
}

async function cachedRevision(db: ReturnType<typeof freshDb>): Promise<number | undefined> {
  // The cache is written after the answer; wait until it lands.
  for (let i = 0; i < 50; i++) {
    const cached = await db.caches.get(MATCHER_CACHE_KEY);
    if (cached) return cached.revision;
    await new Promise((r) => setTimeout(r, 10));
  }
  return undefined;
}

/** A database with the seed pack, whose matcher was compiled and stored (revision 1). */
async function dbWithStoredMatcher(): Promise<ReturnType<typeof freshDb>> {
  const db = freshDb();
  await syncSeeds(db, [makePack()]);
  await new MatcherService(db).current();
  expect(await cachedRevision(db)).toBe(1);
  return db;
}

describe('the shared matcher', () => {
  it('warms up at worker start: the first request then finds the matcher ready', async () => {
    const db = freshDb();
    await syncSeeds(db, [makePack()]);
    const { codec, counts } = countingCodec();
    const service = new MatcherService(db, codec);
    await service.warm();
    expect(counts.compile).toBe(1);
    await service.current();
    expect(counts.compile).toBe(1);
  });

  it('warming up never throws, even when the matcher cannot be built', async () => {
    const db = freshDb();
    await syncSeeds(db, [makePack()]);
    const broken = new MatcherService(db, {
      compile: () => {
        throw new Error('no engine');
      },
      serialize: serializeMatcher,
      load: loadMatcher,
    });
    await expect(broken.warm()).resolves.toBeUndefined();
    await expect(broken.current()).rejects.toThrow('no engine');
  });

  it('does not answer with a matcher for older cards when cards change during a refresh', async () => {
    const db = freshDb();
    await syncSeeds(db, [makePack()]);
    const service = new MatcherService(db);
    const early = service.current();
    await writeEditedCard(db, makeCard({ id: 'hague', title: 'The Hague summit', aliases: [] }));
    const late = await service.current();
    expect(late.find('At the Hague summit.').map((m) => m.cardIds)).toEqual([['hague']]);
    await early;
    expect(await service.current()).toBe(late);
  });

  it('collects every card’s terms in chunks: none lost or repeated at a chunk’s edge', async () => {
    const db = freshDb();
    const cards = Array.from({ length: 9 }, (_, i) =>
      makeCard({ id: `card-${i}`, title: `Title ${i}`, aliases: i % 2 === 0 ? [`Alias ${i}`] : [] }),
    );
    await db.cards.bulkPut(
      cards.map((card) => toStoredCard(card, { edited: true, created: 1, modified: 1 })),
    );
    // In the order of the ids, as the chunks read them.
    cards.sort((a, b) => (a.id < b.id ? -1 : 1));
    const expected = cards.flatMap((card) =>
      [card.title, ...(card.aliases ?? [])].map((term) => ({ term, cardId: card.id })),
    );
    // Chunks that divide the cards exactly, that leave a remainder, of one card, and of all.
    for (const chunk of [3, 4, 1, 9, 100]) expect(await termEntries(db, chunk)).toEqual(expected);
    expect(await termEntries(freshDb(), 3)).toEqual([]);
  });

  it('compiles once and reuses the matcher while cards do not change', async () => {
    const db = freshDb();
    await syncSeeds(db, [makePack()]);
    const { codec, counts } = countingCodec();
    const service = new MatcherService(db, codec);
    const first = await service.current();
    expect(await service.current()).toBe(first);
    expect(counts.compile).toBe(1);
  });

  it('compiles once when several requests ask for the matcher at the same time', async () => {
    const db = freshDb();
    await syncSeeds(db, [makePack()]);
    const { codec, counts } = countingCodec();
    const service = new MatcherService(db, codec);
    const [a, b, c] = await Promise.all([service.current(), service.current(), service.current()]);
    expect(counts.compile).toBe(1);
    expect(b).toBe(a);
    expect(c).toBe(a);
  });

  it('loads the stored matcher after a restart instead of compiling', async () => {
    const db = await dbWithStoredMatcher();
    const { codec, counts } = countingCodec();
    const restarted = new MatcherService(db, codec);
    const matcher = await restarted.current();
    expect(counts).toEqual({ compile: 0, load: 1 });
    expect(matcher.find('The Founding Act.').map((m) => m.cardIds)).toEqual([['founding-act']]);
  });

  it('stores the matcher as a Blob, and still loads one stored as bytes by an earlier version', async () => {
    const db = freshDb();
    await syncSeeds(db, [makePack()]);
    const compiled = await new MatcherService(db).current();
    expect(await cachedRevision(db)).toBe(1);
    expect((await db.caches.get(MATCHER_CACHE_KEY))?.data).toBeInstanceOf(Blob);
    await db.caches.put({ key: MATCHER_CACHE_KEY, revision: 1, data: serializeMatcher(compiled) });
    const { codec, counts } = countingCodec();
    const matcher = await new MatcherService(db, codec).current();
    expect(counts).toEqual({ compile: 0, load: 1 });
    expect(matcher.find('The Founding Act.').map((m) => m.cardIds)).toEqual([['founding-act']]);
  });

  it('compiles again when the stored matcher is older than the cards', async () => {
    const db = await dbWithStoredMatcher();
    await writeEditedCard(db, makeCard({ id: 'kyiv', title: 'Kyiv' }));
    const { codec, counts } = countingCodec();
    const matcher = await new MatcherService(db, codec).current();
    expect(counts.compile).toBe(1);
    expect(matcher.find('Kyïv')).toHaveLength(1);
  });

  it('compiles again when the stored bytes are damaged', async () => {
    const db = freshDb();
    await syncSeeds(db, [makePack()]);
    await db.caches.put({ key: MATCHER_CACHE_KEY, revision: 1, data: new Uint8Array([1, 2, 3, 4]) });
    const { codec, counts } = countingCodec();
    const matcher = await new MatcherService(db, codec).current();
    expect(counts.compile).toBe(1);
    expect(matcher.find('NATO')).toHaveLength(1);
  });
  it('takes the matcher read as the worker started, without reading or compiling again', async () => {
    const db = await dbWithStoredMatcher();
    const found = await readStoredMatcher(db.name);
    // Gone from the table: only the early read can give the restarted worker its matcher.
    await db.caches.clear();
    // As in a fresh worker, requests come while the read is still under way.
    let arrive = (_: typeof found) => {};
    const stored = new Promise<typeof found>((resolve) => {
      arrive = resolve;
    });
    const { codec, counts } = countingCodec();
    const restarted = new MatcherService(db, codec, stored);
    const asked = Promise.all([restarted.warm(), restarted.current(), restarted.current()]);
    await new Promise((r) => setTimeout(r, 50));
    arrive(found);
    const [, a, b] = await asked;
    expect(counts).toEqual({ compile: 0, load: 1 });
    expect(b).toBe(a);
    expect(a.find('The Founding Act.').map((m) => m.cardIds)).toEqual([['founding-act']]);
  });

  it('compiles again when the matcher read at start is older than the cards', async () => {
    const db = await dbWithStoredMatcher();
    const stored = readStoredMatcher(db.name);
    await stored;
    await writeEditedCard(db, makeCard({ id: 'kyiv', title: 'Kyiv' }));
    const { codec, counts } = countingCodec();
    const matcher = await new MatcherService(db, codec, stored).current();
    expect(counts.compile).toBe(1);
    expect(matcher.find('Kyïv')).toHaveLength(1);
  });

  it('compiles again when the bytes read at start are damaged, or the read failed', async () => {
    const db = freshDb();
    await syncSeeds(db, [makePack()]);
    const damaged = Promise.resolve({ revision: 1, data: new Uint8Array([1, 2, 3, 4]) });
    const { codec, counts } = countingCodec();
    expect((await new MatcherService(db, codec, damaged).current()).find('NATO')).toHaveLength(1);
    expect(counts.compile).toBe(1);
    const failed = Promise.reject(new Error('IndexedDB went away'));
    const again = new MatcherService(db, countingCodec().codec, failed);
    expect((await again.current()).find('NATO')).toHaveLength(1);
  });
});
