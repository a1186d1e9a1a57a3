import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { dropDraft, readKeptDrafts, type SlottedDraft } from '@/lib/db/editor-draft';
import type { BackstoryDB } from '@/lib/db/schema';
import { clipText } from '../card/clip-text';
import { type Draft, isDraft } from '../editor/draft';

/** Props of the kept-draft offer. */
export interface KeptDraftBarProps {
  db: BackstoryDB;
  /** The reader chose to continue: open the editor on the kept draft, kept on in its slot. */
  onContinue(cardId: string | undefined, draft: Draft, slot: string): void;
}

/** How much of a kept title the offer repeats: a draft's title may be far over the limit. */
const TITLE_SHOWN = 80;

type Offered = SlottedDraft & { draft: Draft };

/**
 * Offers back the edits left unsaved when the popup last closed (a popup closes as soon as
 * it loses focus), so a half-written card is never lost: one line for each card, the latest
 * first. A stored card's edit also comes back by opening that card.
 */
export function KeptDraftBar({ db, onContinue }: KeptDraftBarProps) {
  const [kept, setKept] = useState<Offered[]>([]);
  const idBase = useId();
  const list = useRef<HTMLElement | null>(null);
  useEffect(() => {
    readKeptDrafts(db).then(
      (found) =>
        setKept(found.flatMap((draft) => (isDraft(draft.draft) ? [{ ...draft, draft: draft.draft }] : []))),
      console.error,
    );
  }, [db]);
  if (kept.length === 0) return null;
  const discard = (i: number) => {
    const gone = kept[i] as Offered;
    setKept(kept.filter((_, j) => j !== i));
    dropDraft(db, gone.slot).catch(console.error);
    // The next offer takes focus, which would otherwise fall to the page's body.
    requestAnimationFrame(() =>
      list.current?.querySelectorAll<HTMLElement>('.button--primary')[Math.min(i, kept.length - 2)]?.focus(),
    );
  };
  return (
    <section class="kept-draft" aria-label="Unsaved changes" ref={list}>
      {kept.map((offer, i) => {
        const textId = `${idBase}-${i}`;
        return (
          <div class="kept-draft__row" key={offer.slot}>
            <p id={textId} dir="auto">
              Your unsaved changes to “{clipText(offer.title, TITLE_SHOWN)}” were kept.
            </p>
            <button
              type="button"
              class="button button--primary"
              aria-describedby={kept.length > 1 ? textId : undefined}
              onClick={() => {
                setKept([]);
                onContinue(offer.cardId, offer.draft, offer.slot);
              }}
            >
              Continue editing
            </button>
            <button
              type="button"
              class="button"
              aria-describedby={kept.length > 1 ? textId : undefined}
              onClick={() => discard(i)}
            >
              Discard them
            </button>
          </div>
        );
      })}
    </section>
  );
}
