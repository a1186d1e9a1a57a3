import { useId, useState } from 'preact/hooks';
import { type ExportScope, exportPacks, packFileName, packFileText } from '@/lib/db/pack-export';
import type { BackstoryDB } from '@/lib/db/schema';
import { LIMITS } from '@/lib/pack/limits';
import type { CatalogEntry } from '@/lib/search/catalog';
import { Choice } from '../settings/Choice';
import { cardCount } from './card-count';
import { saveTextFile } from './save-file';

/** How many cards each choice would export. */
export interface ExportCounts {
  all: number;
  yours: number;
}

/** The counts of a whole catalog (the manager's, which follows every change to the cards). */
export function exportCounts(entries: readonly CatalogEntry[]): ExportCounts {
  let yours = 0;
  for (const entry of entries) if (entry.yours) yours++;
  return { all: entries.length, yours };
}

/** Props of the export form. */
export interface ExportFormProps {
  db: BackstoryDB;
  /** Shown beside each choice; absent while the manager's catalog is still being read. */
  counts?: ExportCounts | undefined;
  /** Where the file goes; a download outside tests. */
  save?: (name: string, text: string) => void;
}

const DEFAULT_TITLE = 'My Backstory cards';

/** Exports all cards, or the reader's own, as a pack file others can import. */
export function ExportForm({ db, counts, save = saveTextFile }: ExportFormProps) {
  const id = useId();
  const [scope, setScope] = useState<ExportScope>('all');
  const [title, setTitle] = useState(DEFAULT_TITLE);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
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
