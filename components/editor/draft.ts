import type { Card } from '@/lib/pack/types';

/** One row of a list field: column key -> text. */
export type Row = Record<string, string>;

/** The list fields of a card and the columns of their rows, in pack-format order. */
export const LIST_COLUMNS = {
  aliases: ['alias'],
  facts: ['label', 'value'],
  timeline: ['date', 'text'],
  sources: ['title', 'url'],
  tags: ['tag'],
} as const;

/** A card field that holds rows. */
export type ListName = keyof typeof LIST_COLUMNS;

/** The editor's working copy of a card: every field as the text the reader typed. */
export interface Draft {
  title: string;
  summary: string;
  updated: string;
  aliases: Row[];
  facts: Row[];
  timeline: Row[];
  sources: Row[];
  tags: Row[];
  related: string[];
  /** Optional fields the card had when opened: kept even when empty, so a save changes no more than it must. */
  present: readonly string[];
}

/** A blank draft for a new card. */
export function emptyDraft(): Draft {
  return {
    title: '',
    summary: '',
    updated: '',
    aliases: [],
    facts: [],
    timeline: [],
    sources: [],
    tags: [],
    related: [],
    present: [],
  };
}

const single = (key: string) => (text: string) => ({ [key]: text });

/** The draft of a stored card. */
export function draftOf(card: Card): Draft {
  return {
    title: card.title,
    summary: card.summary,
    updated: card.updated ?? '',
    aliases: (card.aliases ?? []).map(single('alias')),
    facts: (card.facts ?? []).map((fact) => ({ ...fact })),
    timeline: (card.timeline ?? []).map((entry) => ({ ...entry })),
    sources: (card.sources ?? []).map((source) => ({ ...source })),
    tags: (card.tags ?? []).map(single('tag')),
    related: [...(card.related ?? [])],
    present: Object.keys(card),
  };
}

/** A card built from a draft, and where each kept row came from in the draft. */
export interface BuiltCard {
  card: Card;
  /** For each list, the draft index of each row kept in the card. */
  rowIndex: Record<ListName, number[]>;
}

function isBlank(row: Row): boolean {
  return Object.values(row).every((text) => text.trim() === '');
}

/**
 * The card a draft describes. Rows left entirely blank are dropped (an "Add" pressed and
 * not used); everything else is kept exactly as typed, as the pack format keeps strings.
 */
export function cardOf(draft: Draft, id: string): BuiltCard {
  const rowIndex = {} as Record<ListName, number[]>;
  const card: Card = { id, title: draft.title, summary: draft.summary };
  const kept = (name: ListName) => {
    const rows = draft[name].flatMap((row, i) => (isBlank(row) ? [] : [{ row, i }]));
    rowIndex[name] = rows.map(({ i }) => i);
    return rows.map(({ row }) => row);
  };
  const aliases = kept('aliases').map((row) => row.alias ?? '');
  const facts = kept('facts').map((row) => ({ label: row.label ?? '', value: row.value ?? '' }));
  const timeline = kept('timeline').map((row) => ({ date: row.date ?? '', text: row.text ?? '' }));
  const sources = kept('sources').map((row) => ({ title: row.title ?? '', url: row.url ?? '' }));
  const tags = kept('tags').map((row) => row.tag ?? '');
  const keep = (field: string, length: number) => length > 0 || draft.present.includes(field);
  if (keep('aliases', aliases.length)) card.aliases = aliases;
  if (keep('facts', facts.length)) card.facts = facts;
  if (keep('timeline', timeline.length)) card.timeline = timeline;
  if (keep('sources', sources.length)) card.sources = sources;
  if (keep('tags', tags.length)) card.tags = tags;
  if (keep('related', draft.related.length)) card.related = [...draft.related];
  if (draft.updated.trim() !== '') card.updated = draft.updated;
  return { card, rowIndex };
}

const isRows = (value: unknown): value is Row[] =>
  Array.isArray(value) &&
  value.every(
    (row) =>
      typeof row === 'object' && row !== null && Object.values(row).every((v) => typeof v === 'string'),
  );
const isStrings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/** True for a draft read back from storage that the editor can open as it is. */
export function isDraft(value: unknown): value is Draft {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Record<string, unknown>;
  return (
    typeof d.title === 'string' &&
    typeof d.summary === 'string' &&
    typeof d.updated === 'string' &&
    (Object.keys(LIST_COLUMNS) as ListName[]).every((name) => isRows(d[name])) &&
    isStrings(d.related) &&
    isStrings(d.present)
  );
}
