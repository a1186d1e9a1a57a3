import { LIMITS } from '@/lib/pack/limits';
import type { Draft, ListName, Row } from './draft';
import type { FieldNotes } from './FieldMessages';
import { type Column, RowsField } from './RowsField';

/** Props shared by the card's list fields. */
export interface ListFieldsProps {
  draft: Draft;
  idOf(key: string): string;
  notesOf(key: string): FieldNotes;
  onBlur(key: string): void;
  onChange(next: Partial<Draft>): void;
}

interface ListSpec {
  name: ListName;
  legend: string;
  item: string;
  columns: Column[];
  hint?: string;
}

const LISTS: ListSpec[] = [
  {
    name: 'aliases',
    legend: 'Aliases',
    item: 'Alias',
    columns: [{ key: 'alias', label: 'Alias' }],
    hint: 'Other names the card is found by on pages.',
  },
  {
    name: 'facts',
    legend: 'Key facts',
    item: 'Fact',
    columns: [
      { key: 'label', label: 'Label', placeholder: 'Label, e.g. Signed' },
      { key: 'value', label: 'Value', placeholder: 'Value, e.g. 27 May 1997' },
    ],
  },
  {
    name: 'timeline',
    legend: 'Timeline',
    item: 'Timeline entry',
    columns: [
      { key: 'date', label: 'Date', placeholder: 'YYYY-MM-DD' },
      { key: 'text', label: 'Text', placeholder: 'What happened' },
    ],
  },
  {
    name: 'sources',
    legend: 'Sources',
    item: 'Source',
    columns: [
      { key: 'title', label: 'Title', placeholder: 'Publisher or title' },
      { key: 'url', label: 'Address', placeholder: 'https://…' },
    ],
  },
  { name: 'tags', legend: 'Tags', item: 'Tag', columns: [{ key: 'tag', label: 'Tag' }] },
];

/** The card's list fields, in pack-format order: aliases, facts, timeline, sources, tags. */
export function ListFields(props: ListFieldsProps) {
  return (
    <>
      {LISTS.map((spec) => (
        <RowsField
          key={spec.name}
          {...spec}
          max={LIMITS[spec.name]}
          rows={props.draft[spec.name]}
          idOf={props.idOf}
          notesOf={props.notesOf}
          onBlur={props.onBlur}
          onRows={(rows: Row[]) => props.onChange({ [spec.name]: rows })}
        />
      ))}
    </>
  );
}
