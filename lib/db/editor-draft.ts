import type { BackstoryDB } from './schema';

/** Key of the unsaved editor draft in the settings table. */
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

/** Keeps the draft being edited (one at a time: the latest edit wins). */
export async function keepDraft(db: BackstoryDB, draft: KeptDraft): Promise<void> {
  await db.settings.put({ key: DRAFT_KEY, value: draft });
}

/** The kept draft, if there is one. */
export async function readKeptDraft(db: BackstoryDB): Promise<KeptDraft | undefined> {
  const value = (await db.settings.get(DRAFT_KEY))?.value as Partial<KeptDraft> | undefined;
  if (typeof value?.title !== 'string' || typeof value.kept !== 'number' || value.draft === undefined) {
    return undefined;
  }
  return value as KeptDraft;
}

/** Forgets the kept draft: it was saved or discarded. */
export async function dropDraft(db: BackstoryDB): Promise<void> {
  await db.settings.delete(DRAFT_KEY);
}
