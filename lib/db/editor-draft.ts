import type { BackstoryDB } from './schema';

/**
 * Key of the unsaved editor drafts in the settings table: `editor-draft:<slot>`, one per
 * card. An older Backstory kept one draft, under this key alone; it is still read.
 */
export const DRAFT_KEY = 'editor-draft';

/** An edit the reader has not saved yet, kept so closing the popup loses nothing. */
export interface KeptDraft {
  /** The card being edited; absent for a new card. */
  cardId?: string;
  /** What to call it when offering it back: the draft's title, or the card's. */
  title: string;
  /** The editor's draft, as the editor wrote it (it checks the shape when reading back). */
  draft: unknown;
  kept: number;
}

/** A kept draft and the slot it is kept in. */
export type SlottedDraft = KeptDraft & { slot: string };

/**
 * Where a card's draft is kept: one slot per stored card, and one per new card begun (a
 * second new card does not overwrite the first one's draft).
 */
export function draftSlot(cardId: string | undefined): string {
  if (cardId !== undefined) return `card:${cardId}`;
  return `new:${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

const keyOf = (slot: string) => `${DRAFT_KEY}:${slot}`;

function asDraft(value: unknown): KeptDraft | undefined {
  const draft = value as Partial<KeptDraft> | undefined;
  if (typeof draft?.title !== 'string' || typeof draft.kept !== 'number' || draft.draft === undefined) {
    return undefined;
  }
  return draft as KeptDraft;
}

/** The slot of the one draft kept before drafts had slots. */
const legacySlot = (draft: KeptDraft) =>
  draft.cardId === undefined ? 'new:legacy' : draftSlot(draft.cardId);

/** Keeps the draft being edited in its slot (the latest edit of that card wins). */
export async function keepDraft(db: BackstoryDB, slot: string, draft: KeptDraft): Promise<void> {
  await db.settings.put({ key: keyOf(slot), value: draft });
}

/** Every kept draft, the latest first. */
export async function readKeptDrafts(db: BackstoryDB): Promise<SlottedDraft[]> {
  const records = await db.settings.where('key').startsWith(DRAFT_KEY).toArray();
  const drafts: SlottedDraft[] = [];
  for (const { key, value } of records) {
    const draft = asDraft(value);
    if (!draft) continue;
    if (key === DRAFT_KEY) drafts.push({ ...draft, slot: legacySlot(draft) });
    else if (key.startsWith(`${DRAFT_KEY}:`))
      drafts.push({ ...draft, slot: key.slice(DRAFT_KEY.length + 1) });
  }
  return drafts.sort((a, b) => b.kept - a.kept);
}

/** The draft kept in `slot`, if there is one. */
export async function readKeptDraft(db: BackstoryDB, slot: string): Promise<KeptDraft | undefined> {
  const [own, legacy] = await db.settings.bulkGet([keyOf(slot), DRAFT_KEY]);
  const kept = asDraft(own?.value);
  if (kept) return kept;
  const old = asDraft(legacy?.value);
  return old && legacySlot(old) === slot ? old : undefined;
}

/** Forgets the draft kept in `slot`: it was saved or discarded. */
export async function dropDraft(db: BackstoryDB, slot: string): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    await db.settings.delete(keyOf(slot));
    const legacy = asDraft((await db.settings.get(DRAFT_KEY))?.value);
    if (legacy && legacySlot(legacy) === slot) await db.settings.delete(DRAFT_KEY);
  });
}
