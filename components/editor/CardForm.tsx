import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CatalogEntry } from '@/lib/search/catalog';
import type { SearchIndex } from '@/lib/search/search-index';
import { checkDraft } from './check-draft';
import type { Draft } from './draft';
import type { FieldNotes } from './FieldMessages';
import { FormActions } from './FormActions';
import { ListFields } from './ListFields';
import { RelatedField } from './RelatedField';
import { TextField } from './TextField';
import { useTouched } from './use-touched';

/** What saving a form does; resolves when stored, rejects with a message to show. */
export type SaveDraft = (check: ReturnType<typeof checkDraft>) => Promise<void>;

/** Props of the card form. */
export interface CardFormProps {
  /** Undefined for a new card. */
  cardId: string | undefined;
  initial: Draft;
  /** The initial draft holds unsaved changes (a kept draft reopened). */
  startDirty?: boolean;
  byId: ReadonlyMap<string, CatalogEntry>;
  index: SearchIndex;
  onSave: SaveDraft;
  onClose(): void;
  onDelete?(): void;
  /** Called a moment after each change with the draft, to keep it should the popup close. */
  onDraft?(draft: Draft): void;
  /** Something else was asked for while the form holds changes: the form asks first. */
  leaving?: boolean;
  /** The reader answered "Keep editing". */
  onStay?(): void;
  /** Told whether the form holds unsaved changes, and false once it is gone. */
  onUnsaved?(unsaved: boolean): void;
}

// Kept after each change, once this render is done: a popup closes the moment it loses
// focus, and at 250 ms a change typed just before was lost (a review measured it). One small
// write per keystroke costs nothing a reader would notice.
const KEEP_DRAFT_MS = 0;

// Stands in for the id of a card not created yet, so the validator can check the rest.
const NEW_CARD_ID = 'new-card';

/**
 * The form for every card field, with inline validation: errors show once a field has
 * been left (or on a save attempt) and block saving; warnings show at once and do not.
 * Ctrl/⌘+S saves, Escape cancels. The draft stays whole whatever goes wrong.
 */
export function CardForm(props: CardFormProps) {
  const formId = useId();
  const [draft, setDraft] = useState(props.initial);
  const { touched, leave, onPointerDown } = useTouched();
  const [submitted, setSubmitted] = useState(false);
  const [dirty, setDirty] = useState(props.startDirty ?? false);
  const [failure, setFailure] = useState('');
  const [saving, setSaving] = useState(false);
  const check = useMemo(() => checkDraft(draft, props.cardId ?? NEW_CARD_ID), [draft, props.cardId]);
  // The latest callback, so that a new one from the parent's render writes nothing again.
  const onDraft = useRef(props.onDraft);
  onDraft.current = props.onDraft;
  // The draft waiting for its timer: kept at once if the page goes away first (the popup
  // closes when it loses focus, often right after the last keystroke).
  const pending = useRef<Draft | undefined>(undefined);
  useEffect(() => {
    if (!dirty) return;
    pending.current = draft;
    const timer = setTimeout(() => {
      pending.current = undefined;
      onDraft.current?.(draft);
    }, KEEP_DRAFT_MS);
    return () => clearTimeout(timer);
  }, [draft, dirty]);
  useEffect(() => {
    const flush = () => {
      const waiting = pending.current;
      pending.current = undefined;
      if (waiting) onDraft.current?.(waiting);
    };
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);
  // The manager asks before opening another card over unsaved changes: it must know of them.
  const onUnsaved = useRef(props.onUnsaved);
  onUnsaved.current = props.onUnsaved;
  // A layout effect: a shortcut pressed in the frame of the first change is asked about too.
  useLayoutEffect(() => {
    onUnsaved.current?.(dirty);
  }, [dirty]);
  useEffect(() => () => onUnsaved.current?.(false), []);
  // What opened the form (the search field, the list, New card) is hidden or far away, and
  // the reader's next keys are meant for the card. A layout effect, so none arrive first.
  useLayoutEffect(() => {
    document.getElementById(`${formId}-title`)?.focus();
  }, [formId]);

  const idOf = (key: string) => `${formId}-${key.replace(/\./g, '-')}`;
  const notesOf = (key: string): FieldNotes => ({
    error: submitted || touched.has(key) ? check.errors.get(key) : undefined,
    warning: check.warnings.get(key),
  });
  const change = (next: Partial<Draft>) => {
    setDraft({ ...draft, ...next });
    setDirty(true);
  };

  // Set at once, where `saving` waits for a render: a held Ctrl+S repeats within one.
  const busy = useRef(false);
  const save = async () => {
    if (busy.current) return;
    setSubmitted(true);
    const [firstError] = check.errors.keys();
    if (firstError !== undefined) {
      // A whole list's error (too many tags) has no field of its own: its Add control says it.
      (
        document.getElementById(idOf(firstError)) ?? document.getElementById(idOf(`${firstError}-add`))
      )?.focus();
      return;
    }
    busy.current = true;
    setSaving(true);
    setFailure('');
    try {
      await props.onSave(check);
    } catch (error) {
      setFailure(`Not saved: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      busy.current = false;
      setSaving(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      void save();
    }
  };
  const text = (key: 'title' | 'summary' | 'updated') => ({
    id: idOf(key),
    value: draft[key],
    notes: notesOf(key),
    onInput: (value: string) => change({ [key]: value }),
    onBlur: () => leave(key),
  });
  const errorCount = submitted ? check.errors.size : 0;

  return (
    <form
      class="card-form"
      aria-labelledby={`${formId}-heading`}
      noValidate
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {/* The fields scroll; the actions stay below them, so no field is ever hidden behind them. */}
      <div class="card-form__fields">
        <h2 id={`${formId}-heading`} class="card-form__heading">
          {props.cardId ? 'Edit card' : 'New card'}
        </h2>
        {errorCount > 0 && (
          <p class="card-form__problems" role="alert">
            {errorCount === 1 ? 'One field needs fixing' : `${errorCount} fields need fixing`} before saving.
          </p>
        )}
        <TextField {...text('title')} label="Title" required />
        <TextField {...text('summary')} label="Summary" multiline required hint="Shown as plain text." />
        <ListFields draft={draft} idOf={idOf} notesOf={notesOf} onBlur={leave} onChange={change} />
        <RelatedField
          id={idOf('related')}
          related={draft.related}
          selfId={props.cardId}
          byId={props.byId}
          index={props.index}
          notes={notesOf('related')}
          onRelated={(related) => change({ related })}
        />
        <TextField {...text('updated')} label="Facts checked on" placeholder="YYYY-MM-DD" />
        {failure && (
          <p class="card-form__problems" role="alert" dir="auto">
            {failure}
          </p>
        )}
      </div>
      <FormActions
        saving={saving}
        dirty={dirty}
        leaving={props.leaving}
        onClose={props.onClose}
        onStay={props.onStay}
        onDelete={props.onDelete}
      />
    </form>
  );
}
