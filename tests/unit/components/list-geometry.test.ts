import { listKeyAction } from '@/components/list/list-keys';
import { tagOptions } from '@/components/list/tag-options';
import { OVERSCAN, rowsToRender, scrollToReveal, visibleRows } from '@/components/list/visible-rows';
import { entry } from '../search/helpers';

describe('the virtual window', () => {
  it('covers the rows in view and a margin either side', () => {
    expect(visibleRows(10_000, 50, 5_000, 500)).toEqual({ from: 100 - OVERSCAN, to: 110 + OVERSCAN });
  });

  it('counts rows cut by either edge as in view, with twenty more each side', () => {
    expect(visibleRows(10_000, 50, 5_025, 500)).toEqual({ from: 80, to: 131 });
  });

  it('stops at both ends of the list', () => {
    expect(visibleRows(5, 50, 0, 500)).toEqual({ from: 0, to: 5 });
  });

  it('also renders the active row when it is out of view, since it may hold focus', () => {
    expect(rowsToRender({ from: 0, to: 3 }, 40, 100)).toEqual([0, 1, 2, 40]);
  });

  it('also renders an active row just past the window or before it, but no row when none is active', () => {
    expect(rowsToRender({ from: 0, to: 3 }, 3, 10)).toEqual([0, 1, 2, 3]);
    expect(rowsToRender({ from: 50, to: 53 }, 2, 100)).toEqual([50, 51, 52, 2]);
    expect(rowsToRender({ from: 0, to: 3 }, -1, 10)).toEqual([0, 1, 2]);
  });

  it('never renders past the end of a list that just got shorter', () => {
    expect(rowsToRender({ from: 0, to: 50 }, 0, 2)).toEqual([0, 1]);
  });

  it('scrolls just enough to show a row', () => {
    expect(scrollToReveal(2, 50, 200, 300)).toBe(100);
    expect(scrollToReveal(10, 50, 200, 300)).toBe(250);
    expect(scrollToReveal(5, 50, 200, 300)).toBeUndefined();
    // Rows touching the top or the bottom edge are already in full view.
    expect(scrollToReveal(4, 50, 200, 300)).toBeUndefined();
    expect(scrollToReveal(9, 50, 200, 300)).toBeUndefined();
  });
});

describe('the list keyboard', () => {
  it('moves by one, by a page and to either end, without leaving the list', () => {
    expect(listKeyAction('ArrowDown', 3, 10, 5)).toEqual({ kind: 'move', to: 4 });
    expect(listKeyAction('ArrowUp', 3, 10, 5)).toEqual({ kind: 'move', to: 2 });
    expect(listKeyAction('PageUp', 8, 10, 5)).toEqual({ kind: 'move', to: 3 });
    expect(listKeyAction('ArrowDown', 9, 10, 5)).toEqual({ kind: 'move', to: 9 });
    expect(listKeyAction('PageDown', 2, 10, 5)).toEqual({ kind: 'move', to: 7 });
    expect(listKeyAction('PageUp', 2, 10, 5)).toEqual({ kind: 'move', to: 0 });
    expect(listKeyAction('End', 2, 10, 5)).toEqual({ kind: 'move', to: 9 });
    expect(listKeyAction('Home', 2, 10, 5)).toEqual({ kind: 'move', to: 0 });
  });

  it('deletes with Delete, and with ⌘⌫ on a Mac keyboard, which has no Delete key; ⌫ alone does not', () => {
    expect(listKeyAction('Delete', 3, 10, 5)).toEqual({ kind: 'delete' });
    expect(listKeyAction('Backspace', 3, 10, 5, { metaKey: true })).toEqual({ kind: 'delete' });
    expect(listKeyAction('Backspace', 3, 10, 5)).toBeUndefined();
  });

  it('goes back to the search field from the first row, and only from there', () => {
    expect(listKeyAction('ArrowUp', 0, 10, 5)).toEqual({ kind: 'leave-top' });
    expect(listKeyAction('ArrowUp', 1, 10, 5)).toEqual({ kind: 'move', to: 0 });
  });

  it('stops PageDown at the last row', () => {
    expect(listKeyAction('PageDown', 8, 10, 5)).toEqual({ kind: 'move', to: 9 });
  });

  it('deletes with Delete and leaves other keys alone', () => {
    expect(listKeyAction('Delete', 3, 10, 5)).toEqual({ kind: 'delete' });
    expect(listKeyAction('a', 3, 10, 5)).toBeUndefined();
  });
});

describe('the tag filter options', () => {
  it('counts the cards of each tag and sorts tags as a reader would, ignoring case, numbers by value', () => {
    const entries = [
      entry({ id: 'a', tags: ['tag10', 'alpha'] }),
      entry({ id: 'b', tags: ['Tag2', 'alpha'] }),
      entry({ id: 'c', tags: ['alpha'] }),
    ];
    expect(tagOptions(entries)).toEqual([
      { tag: 'alpha', count: 3 },
      { tag: 'Tag2', count: 1 },
      { tag: 'tag10', count: 1 },
    ]);
  });
});
