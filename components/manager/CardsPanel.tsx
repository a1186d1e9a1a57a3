import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { markUsed } from '@/lib/db/recent-cards';
import type { BackstoryDB } from '@/lib/db/schema';
import type { CatalogEntry } from '@/lib/search/catalog';
import type { CatalogState } from '@/lib/search/live-catalog';
import { withRecentFirst } from '@/lib/search/order';
import { CardEditor } from '../editor/CardEditor';
import type { Draft } from '../editor/draft';
import { emptyDraft } from '../editor/draft';
import { CardList } from '../list/CardList';
import { SearchBar } from '../list/SearchBar';
import type { CardActions } from './use-card-actions';
import { useFirstScreen } from './use-first-screen';

/**
 * The card open in the editor: `draft` is unsaved work kept from before (the editor opens
 * with it as changes to save); `start` is where a new card begins, such as the title a search
 * did not find (closing it untouched asks nothing).
 */
export type Editing = { id: string | undefined; draft?: Draft; start?: Draft } | undefined;

/** Props of the cards panel. */
export interface CardsPanelProps {
  db: BackstoryDB;
  state: CatalogState | undefined;
  recent: readonly string[];
  actions: CardActions;
  editing: Editing;
  onEditing(editing: Editing): void;
  /** The popup shows the list or the editor; the tab view shows both side by side. */
  wide: boolean;
  searchRef: { current: HTMLInputElement | null };
  /** The cards could not be loaded (the manager says why): no "Loading…" for ever. */
  loadFailed?: boolean;
}

/** Browse and search the cards, and edit one. */
export function CardsPanel(props: CardsPanelProps) {
  const { db, state, editing } = props;
  const [text, setText] = useState('');
  const [tag, setTag] = useState<string | undefined>();
  // The active row belongs to a query: a new query starts at its first result, decided
  // while rendering (an effect would cost every keystroke a second render). It is held by
  // card id, not place: a card just opened moves to the top as recently used, and the
  // active row goes with it.
  const [activeRow, setActiveRow] = useState<{ query: string; id: string | undefined }>({
    query: '',
    id: undefined,
  });
  const listRef = useRef<HTMLDivElement | null>(null);
  const entries = state?.entries ?? NO_ENTRIES;
  const ordered = useMemo(() => withRecentFirst(entries, props.recent), [entries, props.recent]);
  const results = useMemo(
    () => (state ? state.index().search({ text, ...(tag ? { tag } : {}) }, ordered) : NO_ENTRIES),
    [state, ordered, text, tag],
  );
  useFirstScreen(db, state, ordered);
  // Ready the index while the reader looks at the list, not on their first keystroke.
  useEffect(() => {
    if (!state?.complete) return;
    const timer = setTimeout(() => state.index().prepare(ordered), 0);
    return () => clearTimeout(timer);
  }, [state, ordered]);
  const query = `${text}\u0000${tag ?? ''}`;
  const active = useMemo(() => {
    if (activeRow.query !== query || activeRow.id === undefined) return 0;
    return Math.max(
      0,
      results.findIndex((entry) => entry.id === activeRow.id),
    );
  }, [activeRow, query, results]);
  const setActive = (index: number) => setActiveRow({ query, id: results[index]?.id });

  const open = (entry: CatalogEntry) => {
    props.onEditing({ id: entry.id });
    markUsed(db, entry.id).catch(console.error);
  };
  const focusList = () => listRef.current?.querySelector<HTMLButtonElement>('button[tabindex="0"]')?.focus();
  const close = (savedId?: string) => {
    props.onEditing(undefined);
    // Back in the list, focus goes where the reader was: the search field.
    if (savedId === undefined || !props.wide) requestAnimationFrame(() => props.searchRef.current?.focus());
  };

  // A search that finds nothing offers to write the card it was looking for.
  // With a tag filter on, only when no card of any tag has it either: no duplicate offered.
  const missing =
    results.length === 0 &&
    entries.length > 0 &&
    (!tag || (state?.index().search({ text }, ordered).length ?? 0) === 0)
      ? text.trim()
      : '';
  const writeMissing = () => props.onEditing({ id: undefined, start: { ...emptyDraft(), title: missing } });

  const browsing = !editing || props.wide;
  return (
    <div class={props.wide ? 'cards-panel cards-panel--wide' : 'cards-panel'}>
      <section class="cards-panel__browse" aria-labelledby="cards-heading" hidden={!browsing}>
        <h2 id="cards-heading" class="visually-hidden">
          Your cards
        </h2>
        <SearchBar
          text={text}
          tag={tag}
          entries={entries}
          resultCount={results.length}
          complete={state?.complete ?? false}
          onText={setText}
          onTag={setTag}
          onEnterList={focusList}
          onOpenFirst={() => {
            if (results[active]) open(results[active] as CatalogEntry);
            else if (missing) writeMissing();
          }}
          onNew={() => props.onEditing({ id: undefined })}
          inputRef={props.searchRef}
        />
        {state ? (
          <CardList
            entries={results}
            active={active}
            onActive={setActive}
            onOpen={open}
            onDelete={(entry) => props.actions.remove(entry.id).catch(console.error)}
            onLeaveTop={() => props.searchRef.current?.focus()}
            query={query}
            empty={
              entries.length === 0
                ? 'No cards yet. Press New card (Alt+N) to write one.'
                : missing
                  ? 'No card matches. Try fewer letters, or press Enter to write it.'
                  : 'No card matches. Try fewer letters, or another tag.'
            }
            listRef={listRef}
          />
        ) : (
          <p role="status">{props.loadFailed ? 'No cards to show.' : 'Loading cards…'}</p>
        )}
        {missing && (
          <button type="button" class="button cards-panel__write" dir="auto" onClick={writeMissing}>
            Write a card titled “{missing}”
          </button>
        )}
      </section>
      {editing && state && (
        <section class="cards-panel__editor" aria-label="Card editor">
          <CardEditor
            // A new card asked for by another title (a second missed search, or New card
            // after one) starts afresh, as opening another card does.
            key={editing.id ?? `new:${editing.start?.title ?? ''}`}
            db={db}
            cardId={editing.id}
            byId={state.byId()}
            index={state.index()}
            actions={props.actions}
            onClose={close}
            {...(editing.draft ? { keptDraft: editing.draft } : {})}
            {...(editing.start ? { startDraft: editing.start } : {})}
          />
        </section>
      )}
    </div>
  );
}

const NO_ENTRIES: CatalogEntry[] = [];
