import { validateCard } from '@/lib/pack/validate';
import { foldTerm } from '@/lib/text/fold';
import { isCommonWord } from './common-words';
import { type BuiltCard, cardOf, type Draft, LIST_COLUMNS, type ListName } from './draft';

/** What the editor says about a draft: the card it makes, errors that block saving, warnings. */
export interface DraftCheck extends BuiltCard {
  /**
   * Field key (`title`, `sources.1.url`, `aliases`) -> message naming the field, in the
   * order the form shows the fields: the first is where Save sends focus.
   */
  errors: Map<string, string>;
  warnings: Map<string, string>;
}

const ITEM_NAMES: Record<ListName, string> = {
  aliases: 'Alias',
  facts: 'Fact',
  timeline: 'Timeline entry',
  sources: 'Source',
  tags: 'Tag',
};
const COLUMN_NAMES: Record<string, string> = {
  label: 'label',
  value: 'value',
  date: 'date',
  text: 'text',
  title: 'title',
  url: 'address',
};
const FIELD_NAMES: Record<string, string> = {
  title: 'Title',
  summary: 'Summary',
  updated: 'Facts checked on',
  related: 'Related cards',
  aliases: 'Aliases',
  facts: 'Facts',
  timeline: 'Timeline',
  sources: 'Sources',
  tags: 'Tags',
};

/** The name a message uses for a field key: "Source 2 address", "Alias 1", "Title". */
export function fieldName(key: string): string {
  const [list, index, column] = key.split('.');
  if (index === undefined) return FIELD_NAMES[key] ?? key;
  const item = `${ITEM_NAMES[list as ListName] ?? list} ${Number(index) + 1}`;
  return LIST_COLUMNS[list as ListName].length > 1 ? `${item} ${COLUMN_NAMES[column ?? ''] ?? column}` : item;
}

// Lengths read better with separators: "1,000,000 characters; the limit is 200,000".
// Quoted text is the reader's own input and stays as typed.
function readable(message: string): string {
  return message
    .split(/("[^"]*")/)
    .map((part, i) =>
      i % 2 ? part : part.replace(/\d{4,}/g, (digits) => Number(digits).toLocaleString('en')),
    )
    .join('');
}

/** The field key of a validator path ("sources[1].url"), with rows counted as in the draft. */
function keyOf(path: string, rowIndex: BuiltCard['rowIndex']): string {
  const match = /^(\w+)\[(\d+)\](?:\.(\w+))?$/.exec(path);
  if (!match) return path === 'id' || path === '' ? 'title' : path;
  const [, list = '', index = '0', column] = match;
  if (list === 'related') return 'related';
  const columns = LIST_COLUMNS[list as ListName];
  const row = rowIndex[list as ListName]?.[Number(index)] ?? Number(index);
  return `${list}.${row}.${column ?? columns?.[0] ?? ''}`;
}

// The fields in the order CardForm lays them out; a list's own message comes after its rows.
const FORM_ORDER = ['title', 'summary', ...Object.keys(LIST_COLUMNS), 'related', 'updated'];

function formPlace(key: string): number[] {
  const [field = '', row, column = ''] = key.split('.');
  const place = FORM_ORDER.indexOf(field);
  const columns: readonly string[] = LIST_COLUMNS[field as ListName] ?? [];
  return [
    place === -1 ? FORM_ORDER.length : place,
    row === undefined ? Number.MAX_SAFE_INTEGER : Number(row),
    columns.indexOf(column),
  ];
}

/** `messages` in form order, whatever order the checks found them in. */
function inFormOrder(messages: Map<string, string>): Map<string, string> {
  const before = ([a]: [string, string], [b]: [string, string]) => {
    const [placeA, placeB] = [formPlace(a), formPlace(b)];
    return placeA.map((n, i) => n - (placeB[i] ?? 0)).find((difference) => difference !== 0) ?? 0;
  };
  return new Map([...messages].sort(before));
}

function add(messages: Map<string, string>, key: string, message: string): void {
  if (!messages.has(key)) messages.set(key, `${fieldName(key)} ${readable(message)}`);
}

/** The editor's own checks on terms: short, repeated and very common aliases. */
function checkTerms(draft: Draft, errors: Map<string, string>, warnings: Map<string, string>): void {
  const seen = new Map<string, string>([[foldTerm(draft.title), 'the title']]);
  if (draft.title.trim() !== '' && isCommonWord(draft.title)) {
    add(warnings, 'title', 'is a very common word: it will be marked all over most pages');
  }
  draft.aliases.forEach((row, i) => {
    const alias = row.alias ?? '';
    const key = `aliases.${i}.alias`;
    if (alias.trim() === '') return;
    const folded = foldTerm(alias);
    if (folded.length < 2) add(errors, key, 'must be at least 2 characters long');
    const twin = seen.get(folded);
    if (twin) add(errors, key, `repeats ${twin}`);
    else seen.set(folded, `alias ${i + 1}`);
    if (isCommonWord(alias))
      add(warnings, key, 'is a very common word: it will be marked all over most pages');
  });
}

/** Checks a draft as the pack format does, plus the editor's checks on aliases. */
export function checkDraft(draft: Draft, id: string): DraftCheck {
  const built = cardOf(draft, id);
  const errors = new Map<string, string>();
  const warnings = new Map<string, string>();
  checkTerms(draft, errors, warnings);
  for (const issue of validateCard(built.card))
    add(errors, keyOf(issue.field, built.rowIndex), issue.message);
  return { ...built, errors: inFormOrder(errors), warnings };
}
