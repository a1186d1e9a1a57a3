import { useEffect, useState } from 'preact/hooks';
import { dropDraft, type KeptDraft, readKeptDraft } from '@/lib/db/editor-draft';
import type { BackstoryDB } from '@/lib/db/schema';
import { type Draft, isDraft } from '../editor/draft';

/** Props of the kept-draft offer. */
export interface KeptDraftBarProps {
  db: BackstoryDB;
  /** The reader chose to continue: open the editor on the kept draft. */
  onContinue(cardId: string | undefined, draft: Draft): void;
}

/**
 * Offers back the edit left unsaved when the popup last closed (a popup closes as soon as
 * it loses focus), so a half-written card is never lost.
 */
export function KeptDraftBar({ db, onContinue }: KeptDraftBarProps) {
  const [kept, setKept] = useState<(KeptDraft & { draft: Draft }) | undefined>();
  useEffect(() => {
    readKeptDraft(db).then(
      (found) => setKept(found && isDraft(found.draft) ? { ...found, draft: found.draft } : undefined),
      console.error,
    );
  }, [db]);
  if (!kept) return null;
  return (
    <section class="kept-draft" aria-label="Unsaved changes">
      <p dir="auto">Your unsaved changes to “{kept.title}” were kept.</p>
      <button
        type="button"
        class="button button--primary"
        onClick={() => {
          setKept(undefined);
          onContinue(kept.cardId, kept.draft);
        }}
      >
        Continue editing
      </button>
      <button
        type="button"
        class="button"
        onClick={() => {
          setKept(undefined);
          dropDraft(db).catch(console.error);
        }}
      >
        Discard them
      </button>
    </section>
  );
}
