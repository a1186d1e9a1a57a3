import type { Ref } from 'preact';
import { useId, useMemo } from 'preact/hooks';
import type { CatalogEntry } from '@/lib/search/catalog';
import { tagOptions } from './tag-options';

/** Props of the search bar. */
export interface SearchBarProps {
  text: string;
  tag: string | undefined;
  /** Every card (for the tag filter's options). */
  entries: readonly CatalogEntry[];
  /** How many cards the current query shows. */
  resultCount: number;
  /** False while only the most recent cards are loaded. */
  complete: boolean;
  /** Said after the count, such as why the tag filter changed by itself. */
  note?: string;
  onText(text: string): void;
  onTag(tag: string | undefined): void;
  /** ArrowDown: into the list. Enter: open the first result. */
  onEnterList(): void;
  onOpenFirst(): void;
  onNew(): void;
  inputRef?: Ref<HTMLInputElement>;
}

function countText(count: number, filtered: boolean, complete: boolean): string {
  if (!complete) return 'Loading all cards…';
  const cards = `${count.toLocaleString('en')} ${count === 1 ? 'card' : 'cards'}`;
  return filtered ? `${cards} found` : cards;
}

/** Search-as-you-type over the cards, a tag filter and the New card button. */
export function SearchBar(props: SearchBarProps) {
  const id = useId();
  const tags = useMemo(() => tagOptions(props.entries), [props.entries]);
  const filtered = props.text.trim() !== '' || props.tag !== undefined;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      props.onEnterList();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      props.onOpenFirst();
    }
  };
  return (
    <div class="search-bar">
      <search class="search-bar__row">
        <label class="visually-hidden" for={`${id}-q`}>
          Search cards
        </label>
        <input
          id={`${id}-q`}
          ref={props.inputRef}
          class="search-bar__input"
          type="search"
          dir="auto"
          placeholder="Search titles, aliases, summaries, tags"
          autoComplete="off"
          spellcheck={false}
          aria-keyshortcuts="Control+K /"
          aria-describedby={`${id}-count`}
          value={props.text}
          onInput={(event) => props.onText(event.currentTarget.value)}
          onKeyDown={onKeyDown}
        />
        <label class="visually-hidden" for={`${id}-tag`}>
          Filter by tag
        </label>
        <select
          id={`${id}-tag`}
          class="search-bar__tag"
          value={props.tag ?? ''}
          onChange={(event) => props.onTag(event.currentTarget.value || undefined)}
        >
          <option value="">All tags</option>
          {tags.map(({ tag, count }) => (
            <option key={tag} value={tag}>
              {tag} ({count})
            </option>
          ))}
        </select>
        <button type="button" class="button button--primary" aria-keyshortcuts="Alt+N" onClick={props.onNew}>
          New card
        </button>
      </search>
      <p id={`${id}-count`} class="search-bar__count" role="status">
        {countText(props.resultCount, filtered, props.complete)}
        {props.note && `. ${props.note}`}
      </p>
    </div>
  );
}
