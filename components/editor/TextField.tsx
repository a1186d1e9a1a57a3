import { describedBy, FieldMessages, type FieldNotes } from './FieldMessages';

/** Props of a labelled text field. */
export interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  notes: FieldNotes;
  onInput(value: string): void;
  onBlur(): void;
  multiline?: boolean;
  required?: boolean;
  hint?: string;
  placeholder?: string;
}

/**
 * A label, an input (or textarea) and its messages. No `maxLength`: a paste longer than
 * the limit stays whole in the field with a message saying by how much, rather than
 * being cut silently.
 */
export function TextField(props: TextFieldProps) {
  const { id, notes } = props;
  const shared = {
    id,
    dir: 'auto' as const,
    value: props.value,
    placeholder: props.placeholder,
    required: props.required,
    'aria-invalid': notes.error ? ('true' as const) : undefined,
    'aria-describedby': describedBy(id, notes, props.hint),
    onBlur: props.onBlur,
  };
  return (
    <div class="field">
      <label class="field__label" for={id}>
        {props.label}
      </label>
      {props.hint && (
        <p id={`${id}-hint`} class="field__hint">
          {props.hint}
        </p>
      )}
      {props.multiline ? (
        <textarea
          {...shared}
          class="field__input field__input--multiline"
          rows={5}
          onInput={(event) => props.onInput(event.currentTarget.value)}
        />
      ) : (
        <input
          {...shared}
          class="field__input"
          type="text"
          onInput={(event) => props.onInput(event.currentTarget.value)}
        />
      )}
      <FieldMessages id={id} notes={notes} />
    </div>
  );
}
