/** What the editor says about one field. */
export interface FieldNotes {
  error?: string;
  warning?: string;
}

/** The ids a field's `aria-describedby` lists for its notes (and hint). */
export function describedBy(id: string, notes: FieldNotes, hint?: string): string | undefined {
  const ids = [hint && `${id}-hint`, notes.error && `${id}-error`, notes.warning && `${id}-warning`];
  return ids.filter(Boolean).join(' ') || undefined;
}

/** A field's error and warning, under it. Text only: messages quote the reader's input. */
export function FieldMessages({ id, notes }: { id: string; notes: FieldNotes }) {
  return (
    <>
      {notes.error && (
        <p id={`${id}-error`} class="field__error" dir="auto">
          {notes.error}
        </p>
      )}
      {notes.warning && (
        <p id={`${id}-warning`} class="field__warning" dir="auto">
          {notes.warning}
        </p>
      )}
    </>
  );
}
