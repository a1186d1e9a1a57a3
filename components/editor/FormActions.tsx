import { useEffect, useRef, useState } from 'preact/hooks';

/** Props of the form's buttons. */
export interface FormActionsProps {
  saving: boolean;
  dirty: boolean;
  /** Another card (or none) was asked for while there are unsaved changes: ask at once. */
  leaving?: boolean;
  onClose(): void;
  /** The reader kept editing after being asked. */
  onStay?(): void;
  onDelete?(): void;
}

/**
 * Save, Cancel and Delete. Cancelling unsaved changes asks first, inline (a popup cannot
 * rely on `confirm()`), as does opening something else meanwhile (`leaving`); Escape
 * anywhere in the form is Cancel.
 */
export function FormActions({ saving, dirty, leaving = false, onClose, onStay, onDelete }: FormActionsProps) {
  const [confirming, setConfirming] = useState(false);
  const asking = confirming || leaving;
  const keep = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  // Where the reader was when asked, if in the form: "Keep editing" takes them back there.
  const asked = useRef<{ from: HTMLElement | null } | undefined>(undefined);
  const cancel = () => (dirty ? setConfirming(true) : onClose());
  const stay = () => {
    setConfirming(false);
    onStay?.();
  };
  useEffect(() => {
    if (asking) {
      const focused = document.activeElement;
      const inForm = focused instanceof HTMLElement && keep.current?.closest('form')?.contains(focused);
      asked.current = { from: inForm ? focused : null };
      keep.current?.focus();
      return;
    }
    const answered = asked.current;
    asked.current = undefined;
    if (!answered) return;
    // The question's buttons are gone: focus would fall to the page's body.
    if (answered.from?.isConnected) answered.from.focus();
    else cancelRef.current?.focus();
  }, [asking]);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      // Not while the form is out of sight (the reader is on another panel): the key is theirs.
      if ((keep.current ?? cancelRef.current)?.closest('[hidden]')) return;
      // Escape in a search field with text clears that field (the browser does it).
      const target = event.target;
      if (target instanceof HTMLInputElement && target.type === 'search' && target.value !== '') return;
      event.preventDefault();
      if (asking) stay();
      else cancel();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  });

  if (asking) {
    return (
      <fieldset class="card-form__actions">
        <legend class="card-form__question">Discard your changes?</legend>
        <button type="button" class="button button--danger" onClick={onClose}>
          Discard
        </button>
        <button type="button" class="button" ref={keep} onClick={stay}>
          Keep editing
        </button>
      </fieldset>
    );
  }
  return (
    <div class="card-form__actions">
      <button type="submit" class="button button--primary" aria-keyshortcuts="Control+S" disabled={saving}>
        {saving ? 'Saving…' : 'Save'}
      </button>
      <button type="button" class="button" ref={cancelRef} onClick={cancel}>
        Cancel
      </button>
      {onDelete && (
        <button type="button" class="button button--danger card-form__delete" onClick={onDelete}>
          Delete
        </button>
      )}
    </div>
  );
}
