import { useEffect, useId, useRef } from 'preact/hooks';
import type { ImportUndone } from '@/lib/db/pack-import';
import { cardCount } from './card-count';
import { ImportPreview } from './ImportPreview';
import type { PackFile, PackImport } from './use-pack-import';

/** Props of the import form. */
export interface ImportFormProps {
  /** The import's state, kept by the manager so that leaving the panel loses no undo. */
  job: PackImport;
}

/** What Undo import did, in the reader's terms: new cards removed, others put back, some kept. */
function undoneText({ removed, deletedAgain, putBack }: ImportUndone, written: number): string {
  const done = [
    removed > 0 && `${removed.toLocaleString()} new ${removed === 1 ? 'card' : 'cards'} removed`,
    deletedAgain > 0 && `${cardCount(deletedAgain)} you had deleted removed again`,
    putBack > 0 && `${cardCount(putBack)} put back as ${putBack === 1 ? 'it was' : 'they were'}`,
  ].filter((part) => part !== false);
  const kept = written - removed - deletedAgain - putBack;
  const keptText = `${cardCount(kept)} changed since the import ${kept === 1 ? 'was' : 'were'} kept`;
  if (done.length === 0) return `Import undone: ${keptText}.`;
  return `Import undone: ${done.join(', ')}${kept === 0 ? '' : `; ${keptText}`}.`;
}

/**
 * Imports a pack file chosen with the file picker or dropped on the form: the file is read
 * and checked, the reader sees what it would change and confirms, and can undo it after.
 */
export function ImportForm({ job }: ImportFormProps) {
  const id = useId();
  const { state } = job;
  const input = useRef<HTMLInputElement>(null);
  const section = useRef<HTMLElement>(null);
  // Each new step's heading or message takes focus, so the keyboard and screen readers
  // follow; coming back to the panel is not a new step.
  const shown = useRef(state);
  useEffect(() => {
    if (shown.current === state) return;
    shown.current = state;
    section.current?.querySelector<HTMLElement>('[data-takes-focus]')?.focus();
  }, [state]);
  const choose = (file: PackFile | undefined | null) => {
    if (file) void job.choose(file);
    if (input.current) input.current.value = '';
  };

  return (
    <section
      ref={section}
      class="pack-form pack-form--import"
      aria-labelledby={`${id}-heading`}
      onDragOver={(event) => event.preventDefault()}
      onDrop={(event) => {
        event.preventDefault();
        choose(event.dataTransfer?.files[0]);
      }}
    >
      <h3 id={`${id}-heading`} class="pack-form__heading">
        Import
      </h3>
      <p class="pack-form__detail" id={`${id}-hint`}>
        A pack file (.json) from a Backstory export or another source. You see what it changes before anything
        is written. You can also drop the file here.
      </p>
      <label class="button file-button">
        Choose a pack file…
        <input
          ref={input}
          class="visually-hidden"
          type="file"
          accept=".json,application/json"
          aria-describedby={`${id}-hint`}
          onChange={(event) => choose(event.currentTarget.files?.[0])}
        />
      </label>
      {state.step === 'reading' && <p role="status">Reading {state.file}…</p>}
      {state.step === 'writing' && (
        <div class="pack-form__actions">
          <p role="status">Importing {state.file}…</p>
          {/* Not a live region: a large pack would announce every slice. */}
          <progress
            aria-label={`Cards written from ${state.file}`}
            max={state.total || 1}
            value={state.written}
          />
        </div>
      )}
      {state.step === 'refused' && (
        <div class="pack-problems" role="alert">
          <h4 class="pack-form__heading" tabIndex={-1} data-takes-focus>
            {state.file} was not imported; nothing was changed.
          </h4>
          <ul>
            {state.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      {state.step === 'failed' && (
        <p class="pack-problems" role="alert" tabIndex={-1} data-takes-focus>
          {state.message}
        </p>
      )}
      {state.step === 'preview' && (
        <ImportPreview
          file={state.file}
          pack={state.pack}
          plan={state.plan}
          headingId={`${id}-preview`}
          onConfirm={(choice) => void job.confirm(choice)}
          onCancel={() => {
            job.cancel();
            // The button that had focus goes with the preview: back to the file picker.
            input.current?.focus();
          }}
        />
      )}
      {state.step === 'done' && (
        <div class="pack-form__actions">
          <p role="status" tabIndex={-1} data-takes-focus>
            {state.undone === undefined
              ? `Imported ${cardCount(state.written)} from “${state.title}”.`
              : undoneText(state.undone, state.undo.cards.length)}
          </p>
          {state.undone === undefined && (
            <button type="button" class="button button--quiet" onClick={() => void job.undo()}>
              Undo import
            </button>
          )}
        </div>
      )}
    </section>
  );
}
