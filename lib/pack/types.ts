/**
 * The pack format: the public contract for seed packs, import and export.
 * Documented in docs/pack-format.md; `validatePack` enforces it.
 */

/** Format version written in the `backstory` field of every pack. */
export const PACK_FORMAT_VERSION = 1;

/** A labelled key fact, e.g. { label: "Signed", value: "27 May 1997, Paris" }. */
export interface Fact {
  label: string;
  value: string;
}

/** A dated event; `date` is ISO: YYYY, YYYY-MM or YYYY-MM-DD. */
export interface TimelineEntry {
  date: string;
  text: string;
}

/** A cited source; `url` is http or https. */
export interface Source {
  title: string;
  url: string;
}

/** One background card as it travels in a pack. */
export interface Card {
  id: string;
  title: string;
  summary: string;
  aliases?: string[];
  facts?: Fact[];
  timeline?: TimelineEntry[];
  sources?: Source[];
  tags?: string[];
  related?: string[];
  /** ISO date on which the card's facts were last checked. */
  updated?: string;
}

/** Every field a card may have in a pack, in the order exports write them. */
export const CARD_FIELDS = [
  'id',
  'title',
  'summary',
  'aliases',
  'facts',
  'timeline',
  'sources',
  'tags',
  'related',
  'updated',
] as const satisfies readonly (keyof Card)[];

/** Metadata that names a pack and its version. */
export interface PackInfo {
  id: string;
  title: string;
  version: string;
  language?: string;
}

/** A whole pack file. */
export interface Pack {
  backstory: typeof PACK_FORMAT_VERSION;
  pack: PackInfo;
  cards: Card[];
}
