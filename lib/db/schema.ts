import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import { DB_NAME } from './name';
import type { CacheRecord, PackRecord, SettingRecord, SiteRecord, StoredCard, Tombstone } from './records';

export { DB_NAME };

/** The card database. Versions are append-only: never edit one that has shipped. */
export class BackstoryDB extends Dexie {
  cards!: EntityTable<StoredCard, 'id'>;
  packs!: EntityTable<PackRecord, 'id'>;
  tombstones!: EntityTable<Tombstone, 'id'>;
  sites!: EntityTable<SiteRecord, 'host'>;
  settings!: EntityTable<SettingRecord, 'key'>;
  caches!: EntityTable<CacheRecord, 'key'>;

  /** `options` lets tests pass their own IndexedDB; production uses the global one. */
  constructor(name = DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      cards: 'id, *terms, *tags, modified, pack',
      packs: 'id',
      tombstones: 'id',
      sites: 'host',
      settings: 'key',
      caches: 'key',
    });
  }
}
