import { useEffect, useRef, useState } from 'preact/hooks';

/** Props of the form's buttons. */
export interface FormActionsProps {
  saving: boolean;
  dirty: boolean;
  onClose(): void;
  onDelete?(): void;
}

/**
 * Save, Cancel and Delete. Cancelling unsaved changes asks first, inline (a popup cannot
 * rely on `confirm()`); Escape anywhere in the form is Cancel.
 */
export function FormActions({ saving, dirty, onClose, onDelete }: FormActionsProps) {
  const [confirming, setConfirming] = useState(false);
  const keep = useRef<HTMLButtonElement>(null);
  const cancel = () => (dirty ? setConfirming(true) : onClose());
  useEffect(() => {
    if (confirming) keep.current?.focus();
  }, [confirming]);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      // Escape in a search field with text clears that field (the browser does it).
      const target = event.target;
      if (target instanceof HTMLInputElement && target.type === 'search' && target.value !== '') return;
      event.preventDefault();
      if (confirming) setConfirming(false);
      else cancel();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  });

  if (confirming) {
    return (
      <fieldset class="card-form__actions">
        <legend class="card-form__question">Discard your changes?</legend>
        <button type="button" class="button button--danger" onClick={onClose}>
          Discard
        </button>
        <button type="button" class="button" ref={keep} onClick={() => setConfirming(false)}>
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
      <button type="button" class="button" onClick={cancel}>
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
