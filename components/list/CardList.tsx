import type { Ref } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { CatalogEntry } from '@/lib/search/catalog';
import { listKeyAction } from './list-keys';
import { type RowWindow, rowsToRender, scrollToReveal, visibleRows } from './visible-rows';

/** Height of one row in px; the stylesheet gives rows exactly this height. */
export const ROW_HEIGHT = 56;
// Used until the list has a measured height (and in test DOMs, which have no layout).
const FALLBACK_HEIGHT = 480;

/** Props of the card list. */
export interface CardListProps {
  entries: readonly CatalogEntry[];
  /** Index of the active row: the one keyboard focus sits on. */
  active: number;
  onActive(index: number): void;
  onOpen(entry: CatalogEntry): void;
  onDelete(entry: CatalogEntry): void;
  /** Focus goes back to the search field: ArrowUp on the first row, or the last card deleted. */
  onLeave(): void;
  /** The query the entries answer, exposed as `data-query` for tests and the benchmark. */
  query: string;
  /** Shown when there are no entries ("No card matches …"). */
  empty: string;
  /** The scrolling element, so the search field can move focus into the list. */
  listRef?: Ref<HTMLDivElement>;
}

/**
 * The reader's cards, virtualised: only the rows in view (and a margin) are in the DOM, so
 * 10,000 cards scroll and filter as lightly as 20. One row is in the tab order; arrow keys
 * move between rows, Enter opens a card, Delete deletes it.
 */
export function CardList(props: CardListProps) {
  const { entries, active } = props;
  const scroller = useRef<HTMLDivElement | null>(null);
  const focusActive = useRef(false);
  const [view, setView] = useState<RowWindow>(() =>
    visibleRows(entries.length, ROW_HEIGHT, 0, FALLBACK_HEIGHT),
  );
  // Kept from scroll and resize events: reading them from the element after a render
  // would force a layout in the middle of every keystroke.
  const viewport = useRef({ height: FALLBACK_HEIGHT, scrollTop: 0 });
  const height = () => viewport.current.height;

  const measure = () => {
    const { scrollTop } = viewport.current;
    const next = visibleRows(entries.length, ROW_HEIGHT, scrollTop, height());
    if (next.from !== view.from || next.to !== view.to) setView(next);
  };
  useLayoutEffect(() => {
    const list = scroller.current;
    if (!list) return;
    viewport.current.height = list.clientHeight || FALLBACK_HEIGHT;
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      viewport.current.height = entry?.contentRect.height || FALLBACK_HEIGHT;
    });
    observer.observe(list);
    return () => observer.disconnect();
  }, []);
  // A new query starts at the top of its results.
  useLayoutEffect(() => {
    // Only when scrolled: setting scrollTop makes the browser lay the page out at once.
    if (viewport.current.scrollTop === 0 || !scroller.current) return;
    scroller.current.scrollTop = 0;
    viewport.current.scrollTop = 0;
  }, [props.query]);
  useLayoutEffect(measure, [entries.length, props.query]);
  const onScroll = (event: Event) => {
    viewport.current.scrollTop = (event.currentTarget as HTMLElement).scrollTop;
    measure();
  };

  const focusRow = (index: number) => {
    const list = scroller.current;
    if (!list) return;
    const top = scrollToReveal(index, ROW_HEIGHT, viewport.current.scrollTop, height());
    if (top !== undefined) {
      list.scrollTop = top;
      viewport.current.scrollTop = top;
      measure();
    }
    list.querySelector<HTMLButtonElement>(`[data-row="${index}"] button`)?.focus({ preventScroll: true });
  };
  useLayoutEffect(() => {
    if (!focusActive.current) return;
    focusActive.current = false;
    focusRow(active);
  }, [active]);

  // Read before this render changes the rows: a row it takes away with focus on it (the
  // last card deleted) would leave focus on the page's body. It goes to the row now at that
  // place, or, with no row left, back to the search field.
  const hadFocus = useRef(false);
  hadFocus.current = scroller.current?.contains(document.activeElement) ?? false;
  useLayoutEffect(() => {
    if (!hadFocus.current) return;
    const focused = document.activeElement;
    if (focused && focused !== document.body) return;
    if (entries.length === 0) props.onLeave();
    else focusRow(active);
  }, [entries]);

  const onKeyDown = (event: KeyboardEvent) => {
    const pageRows = Math.max(1, Math.floor(height() / ROW_HEIGHT) - 1);
    const action = listKeyAction(event.key, active, entries.length, pageRows, event);
    if (!action) return;
    event.preventDefault();
    if (action.kind === 'leave-top') props.onLeave();
    else if (action.kind === 'delete') {
      const entry = entries[active];
      if (entry) props.onDelete(entry);
    } else {
      focusActive.current = true;
      props.onActive(action.to);
    }
  };

  const setRef = (element: HTMLDivElement | null) => {
    scroller.current = element;
    const { listRef } = props;
    if (typeof listRef === 'function') listRef(element);
    else if (listRef) listRef.current = element;
  };

  return (
    <div class="card-list" ref={setRef} onScroll={onScroll} data-query={props.query}>
      {entries.length === 0 && <p class="card-list__empty">{props.empty}</p>}
      <ul
        aria-label="Cards"
        class="card-list__rows"
        style={{ height: `${entries.length * ROW_HEIGHT}px` }}
        onKeyDown={onKeyDown}
      >
        {rowsToRender(view, active, entries.length).map((index) => {
          const entry = entries[index] as CatalogEntry;
          return (
            <li
              // Keyed by place, not card: a new query then updates the rows' text in
              // place instead of replacing every row element.
              key={index}
              data-row={index}
              class={index === active ? 'card-row card-row--active' : 'card-row'}
              style={{ top: `${index * ROW_HEIGHT}px` }}
              aria-setsize={entries.length}
              aria-posinset={index + 1}
            >
              <h3 class="card-row__title">
                <button
                  type="button"
                  dir="auto"
                  tabIndex={index === active ? 0 : -1}
                  onClick={() => props.onOpen(entry)}
                  onFocus={() => index !== active && props.onActive(index)}
                >
                  {entry.title}
                </button>
              </h3>
              <p class="card-row__snippet" dir="auto">
                {entry.snippet}
              </p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
