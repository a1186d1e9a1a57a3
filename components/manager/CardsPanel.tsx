import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { BackstoryDB } from '@/lib/db/schema';
import type { CatalogEntry } from '@/lib/search/catalog';
import type { CatalogState } from '@/lib/search/live-catalog';
import { withRecentFirst } from '@/lib/search/order';
import { CardEditor } from '../editor/CardEditor';
import { emptyDraft } from '../editor/draft';
import { CardList } from '../list/CardList';
import { SearchBar } from '../list/SearchBar';
import type { CardActions } from './use-card-actions';
import { type EditorState, editorKey } from './use-editing';
import { useFirstScreen } from './use-first-screen';

/** Props of the cards panel. */
export interface CardsPanelProps {
  db: BackstoryDB;
  state: CatalogState | undefined;
  recent: readonly string[];
  actions: CardActions;
  /** The card in the editor, and the way to open another. */
  editor: EditorState;
  /** The popup shows the list or the editor; the tab view shows both side by side. */
  wide: boolean;
  searchRef: { current: HTMLInputElement | null };
  /** The list's scrolling element, for the manager to put focus back on its active row. */
  listRef?: { current: HTMLDivElement | null };
  /** The cards could not be loaded (the manager says why): no "Loading…" for ever. */
  loadFailed?: boolean;
}

/** Browse and search the cards, and edit one. */
export function CardsPanel(props: CardsPanelProps) {
  const { db, state, editor } = props;
  const { editing } = editor;
  const [text, setText] = useState('');
  const [tag, setTag] = useState<string | undefined>();
  // A tag filter whose last card went: the filter is back to all tags, and the count says why.
  const [lostTag, setLostTag] = useState<string | undefined>();
  // The active row belongs to a query: a new query starts at its first result, decided
  // while rendering (an effect would cost every keystroke a second render). It is held by
  // card id: a card just opened moves to the top as recently used, and the active row goes
  // with it. Once that card is gone (deleted), it stays at its place, which is where focus is.
  const [activeRow, setActiveRow] = useState<{ query: string; id: string | undefined; index: number }>({
    query: '',
    id: undefined,
    index: 0,
  });
  const ownListRef = useRef<HTMLDivElement | null>(null);
  const listRef = props.listRef ?? ownListRef;
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
  const complete = state?.complete ?? false;
  // The chosen tag's last card went (deleted here or elsewhere): left on, the filter would
  // hide every card behind a blank choice in the select.
  useEffect(() => {
    if (tag === undefined || !complete || entries.some((entry) => entry.tags.includes(tag))) return;
    setTag(undefined);
    setLostTag(tag);
  }, [entries, tag, complete]);
  const query = `${text}\u0000${tag ?? ''}`;
  const active = useMemo(() => {
    if (activeRow.query !== query) return 0;
    const found = activeRow.id === undefined ? -1 : results.findIndex((entry) => entry.id === activeRow.id);
    return found >= 0 ? found : Math.max(0, Math.min(activeRow.index, results.length - 1));
  }, [activeRow, query, results]);
  const setActive = (index: number) => setActiveRow({ query, id: results[index]?.id, index });

  const open = (entry: CatalogEntry) => editor.open({ id: entry.id });
  const focusList = () => listRef.current?.querySelector<HTMLButtonElement>('button[tabindex="0"]')?.focus();
  // A card saved beside the list: its row takes focus once the editor has gone.
  const focusSaved = useRef<string | undefined>(undefined);
  useEffect(() => {
    const id = focusSaved.current;
    if (id === undefined || editing) return;
    focusSaved.current = undefined;
    // Not among the results (a new card the search does not find): the search field.
    if (results.some((entry) => entry.id === id)) focusList();
    else props.searchRef.current?.focus();
  }, [editing, results]);
  const close = (savedId?: string) => {
    // What the reader asked for while this form had changes opens now, and takes focus.
    if (editor.closed()) return;
    if (savedId !== undefined && props.wide) {
      focusSaved.current = savedId;
      setActiveRow({ query, id: savedId, index: 0 });
      return;
    }
    // Back in the list, focus goes where the reader was: the search field.
    requestAnimationFrame(() => props.searchRef.current?.focus());
  };
  const onText = (next: string) => {
    setText(next);
    setLostTag(undefined);
  };
  const onTag = (next: string | undefined) => {
    setTag(next);
    setLostTag(undefined);
  };

  // A search that finds nothing offers to write the card it was looking for.
  // With a tag filter on, only when no card of any tag has it either: no duplicate offered.
  const missing =
    results.length === 0 &&
    entries.length > 0 &&
    (!tag || (state?.index().search({ text }, ordered).length ?? 0) === 0)
      ? text.trim()
      : '';
  const writeMissing = () => editor.open({ id: undefined, start: { ...emptyDraft(), title: missing } });

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
          complete={complete}
          note={lostTag && `No card is tagged “${lostTag}” any more: the filter is back to all tags.`}
          onText={onText}
          onTag={onTag}
          onEnterList={focusList}
          onOpenFirst={() => {
            if (results[active]) open(results[active] as CatalogEntry);
            else if (missing) writeMissing();
          }}
          onNew={() => editor.open({ id: undefined })}
          inputRef={props.searchRef}
        />
        {state ? (
          <CardList
            entries={results}
            active={active}
            onActive={setActive}
            onOpen={open}
            onDelete={(entry) => props.actions.remove(entry.id).catch(console.error)}
            onLeave={() => props.searchRef.current?.focus()}
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
            key={editorKey(editing)}
            db={db}
            cardId={editing.id}
            byId={state.byId()}
            index={state.index()}
            actions={props.actions}
            onClose={close}
            leaving={editor.leaving}
            onStay={editor.stay}
            onUnsaved={editor.onUnsaved}
            {...(editing.draft ? { keptDraft: editing.draft } : {})}
            {...(editing.slot ? { draftSlot: editing.slot } : {})}
            {...(editing.start ? { startDraft: editing.start } : {})}
          />
        </section>
      )}
    </div>
  );
}

const NO_ENTRIES: CatalogEntry[] = [];
