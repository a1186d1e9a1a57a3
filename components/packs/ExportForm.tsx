import { useId, useState } from 'preact/hooks';
import { isYours } from '@/lib/db/cards';
import { type ExportScope, exportPacks, packFileName, packFileText } from '@/lib/db/pack-export';
import type { BackstoryDB } from '@/lib/db/schema';
import { LIMITS } from '@/lib/pack/limits';
import { Choice } from '../settings/Choice';
import { useLiveQuery } from '../use-live-query';
import { cardCount } from './card-count';
import { saveTextFile } from './save-file';

/** Props of the export form. */
export interface ExportFormProps {
  db: BackstoryDB;
  /** Where the file goes; a download outside tests. */
  save?: (name: string, text: string) => void;
}

const DEFAULT_TITLE = 'My Backstory cards';

/** Exports all cards, or the reader's own, as a pack file others can import. */
export function ExportForm({ db, save = saveTextFile }: ExportFormProps) {
  const id = useId();
  const [scope, setScope] = useState<ExportScope>('all');
  const [title, setTitle] = useState(DEFAULT_TITLE);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  // Live: an import or an edit elsewhere changes them.
  const counts = useLiveQuery(async () => {
    let yours = 0;
    await db.cards.each((card) => {
      if (isYours(card)) yours++;
    });
    return { all: await db.cards.count(), yours };
  }, [db]);

  const run = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const packs = await exportPacks(db, { scope, title });
      const total = packs.reduce((n, pack) => n + pack.cards.length, 0);
      if (total === 0) {
        setMessage('There are no cards you wrote or edited yet: nothing was saved.');
        return;
      }
      const names = packs.map(packFileName);
      packs.forEach((pack, i) => {
        save(names[i] as string, packFileText(pack));
      });
      const cards = cardCount(total);
      setMessage(
        packs.length === 1
          ? `Saved ${cards} as ${names[0]}, in your downloads.`
          : `Saved ${cards} as ${packs.length} files, since a pack holds at most ${LIMITS.cards.toLocaleString()} cards: ${names.join(', ')}, in your downloads. Import them one after another.`,
      );
    } catch (error) {
      setMessage(`Nothing was saved: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  };

  const countOf = (n: number | undefined) => (n === undefined ? '' : ` (${n.toLocaleString()})`);
  return (
    <form
      class="pack-form"
      aria-labelledby={`${id}-heading`}
      onSubmit={(event) => {
        event.preventDefault();
        void run();
      }}
    >
      <h3 id={`${id}-heading`} class="pack-form__heading">
        Export
      </h3>
      <Choice<ExportScope>
        legend="Cards to export"
        name={`${id}-scope`}
        value={scope}
        options={[
          { value: 'all', label: `All cards${countOf(counts?.all)}` },
          { value: 'yours', label: `Only cards you wrote or edited${countOf(counts?.yours)}` },
        ]}
        onChange={setScope}
      />
      <div class="field">
        <label class="field__label" for={`${id}-title`}>
          Pack title
        </label>
        <input
          id={`${id}-title`}
          class="field__input"
          dir="auto"
          maxLength={300}
          value={title}
          onInput={(event) => setTitle(event.currentTarget.value)}
        />
      </div>
      {/* aria-disabled, not disabled: a disabled button would drop focus to the page's body. */}
      <button type="submit" class="button" aria-disabled={busy}>
        Export to a file
      </button>
      <p class="pack-form__status" role="status">
        {message}
      </p>
    </form>
  );
}
