import type { Card } from '../pack/types';

/** A card as stored: the pack fields plus bookkeeping that never leaves the database. */
export interface StoredCard extends Card {
  /** Folded title and aliases (see `foldTerm`), for the multi-entry `terms` index. */
  terms: string[];
  /** Id of the pack the card came from; absent for cards the reader created. */
  pack?: string;
  /** Whether the reader changed the card; seed updates never overwrite an edited card. */
  edited: boolean;
  /** Epoch milliseconds. */
  created: number;
  modified: number;
}

/** A pack installed from the seeds or imported by the reader. */
export interface PackRecord {
  id: string;
  title: string;
  version: string;
  language?: string;
  /** Where the pack came from. */
  origin: 'seed' | 'import';
  installed: number;
}

/** A seed card the reader deleted: seed updates do not bring it back. */
export interface Tombstone {
  id: string;
  deleted: number;
}

/** The reader's choices for one site (host name). */
export interface SiteRecord {
  host: string;
  /** Backstory does not run on the site at all. */
  disabled: boolean;
  /** Cards whose mentions are not marked on this site. */
  hiddenCards?: string[];
}

/** One stored setting. */
export interface SettingRecord {
  key: string;
  value: unknown;
}

/** Derived data kept to speed up a cold start (the compiled matcher), keyed by name. */
export interface CacheRecord {
  key: string;
  /** The card revision the data was derived from; stale when it differs. */
  revision: number;
  data: unknown;
}
