import { useLayoutEffect, useRef } from 'preact/hooks';
import { CloseIcon } from '../card/icons';
import type { Row } from './draft';
import { describedBy, FieldMessages, type FieldNotes } from './FieldMessages';

/** One input of a row. */
export interface Column {
  key: string;
  label: string;
  placeholder?: string;
}

/** Props of a list field (aliases, facts, timeline, sources, tags). */
export interface RowsFieldProps {
  /** Field key of the list: `aliases`. Row inputs are `aliases.0.alias`. */
  name: string;
  legend: string;
  /** What one row is called: "Alias" -> "Alias 2", "Remove alias 2", "Add alias". */
  item: string;
  columns: readonly Column[];
  rows: readonly Row[];
  idOf(key: string): string;
  notesOf(key: string): FieldNotes;
  onRows(rows: Row[]): void;
  onBlur(key: string): void;
  hint?: string;
  /** The most rows the pack format allows: Add stops there. */
  max?: number;
}

/** A fieldset of rows the reader adds, edits and removes; focus follows each action. */
export function RowsField(props: RowsFieldProps) {
  const { name, rows, columns, item } = props;
  const pendingFocus = useRef<string | undefined>(undefined);
  // A layout effect, so the new row has focus before the next keystroke can arrive.
  useLayoutEffect(() => {
    if (pendingFocus.current === undefined) return;
    document.getElementById(pendingFocus.current)?.focus();
    pendingFocus.current = undefined;
  });
  const firstInput = (i: number) => props.idOf(`${name}.${i}.${columns[0]?.key}`);
  const update = (i: number, key: string, text: string) =>
    props.onRows(rows.map((row, j) => (j === i ? { ...row, [key]: text } : row)));
  const full = props.max !== undefined && rows.length >= props.max;
  const add = () => {
    if (full) return;
    pendingFocus.current = firstInput(rows.length);
    props.onRows([...rows, Object.fromEntries(columns.map((column) => [column.key, '']))]);
  };
  const remove = (i: number) => {
    pendingFocus.current =
      i < rows.length - 1 ? firstInput(i) : i > 0 ? firstInput(i - 1) : props.idOf(`${name}-add`);
    props.onRows(rows.filter((_, j) => j !== i));
  };
  const listNotes = props.notesOf(name);
  return (
    <fieldset class="rows-field">
      <legend class="field__label">{props.legend}</legend>
      {props.hint && <p class="field__hint">{props.hint}</p>}
      {rows.map((row, i) => (
        <div class="rows-field__row" key={i}>
          {columns.map((column) => {
            const key = `${name}.${i}.${column.key}`;
            const id = props.idOf(key);
            const notes = props.notesOf(key);
            const label =
              columns.length > 1 ? `${item} ${i + 1} ${column.label.toLowerCase()}` : `${item} ${i + 1}`;
            return (
              <div class={`rows-field__cell rows-field__cell--${column.key}`} key={column.key}>
                <label class="visually-hidden" for={id}>
                  {label}
                </label>
                <input
                  id={id}
                  class="field__input"
                  type="text"
                  dir="auto"
                  placeholder={column.placeholder ?? column.label}
                  value={row[column.key] ?? ''}
                  aria-invalid={notes.error ? 'true' : undefined}
                  aria-describedby={describedBy(id, notes)}
                  onInput={(event) => update(i, column.key, event.currentTarget.value)}
                  onBlur={() => props.onBlur(key)}
                />
                <FieldMessages id={id} notes={notes} />
              </div>
            );
          })}
          <button
            type="button"
            class="button button--quiet rows-field__remove"
            aria-label={`Remove ${item.toLowerCase()} ${i + 1}`}
            onClick={() => remove(i)}
          >
            <CloseIcon />
          </button>
        </div>
      ))}
      <FieldMessages id={props.idOf(name)} notes={listNotes} />
      {full && (
        <p class="field__hint" id={props.idOf(`${name}-full`)}>
          {props.legend}: at most {props.max}.
        </p>
      )}
      {/* Not `disabled` at the limit: focus stays on it, and a list-wide error is read from it. */}
      <button
        type="button"
        id={props.idOf(`${name}-add`)}
        class="button rows-field__add"
        aria-disabled={full ? 'true' : undefined}
        aria-describedby={
          [full && props.idOf(`${name}-full`), describedBy(props.idOf(name), listNotes)]
            .filter(Boolean)
            .join(' ') || undefined
        }
        onClick={add}
      >
        Add {item.toLowerCase()}
      </button>
    </fieldset>
  );
}
