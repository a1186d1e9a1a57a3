// @vitest-environment happy-dom
import { CardList, type CardListProps } from '@/components/list/CardList';
import type { CatalogEntry } from '@/lib/search/catalog';
import { entry } from '../search/helpers';
import { axeViolations, mount, press } from './harness';

const cards = [
  entry({ id: 'nato', title: 'NATO', summary: 'A military alliance.' }),
  entry({ id: 'rutte', title: 'Mark Rutte', summary: 'NATO Secretary General.' }),
  entry({ id: 'html', title: '<img src=x onerror=alert(1)>', summary: '<b>bold?</b>' }),
];

function render(props: Partial<CardListProps> = {}) {
  const calls = { open: [] as string[], deleted: [] as string[], active: [] as number[], leftTop: 0 };
  const all: CardListProps = {
    entries: cards,
    active: 0,
    onActive: (i) => calls.active.push(i),
    onOpen: (e: CatalogEntry) => calls.open.push(e.id),
    onDelete: (e: CatalogEntry) => calls.deleted.push(e.id),
    onLeave: () => {
      calls.leftTop++;
    },
    query: '',
    empty: 'No card matches.',
    ...props,
  };
  return mount(<CardList {...all} />).then((mounted) => ({ ...mounted, calls }));
}

// A bare entry: building 10,000 real ones would only slow the test down.
const plain: CatalogEntry = {
  id: '',
  title: '',
  snippet: '',
  tags: [],
  modified: 0,
  yours: false,
  haystack: '',
};

const rows = (container: HTMLElement) => [...container.querySelectorAll('li')];

describe('CardList', () => {
  it('lists each card’s title as a heading with its summary', async () => {
    const { container } = await render();
    expect(rows(container).map((li) => li.querySelector('h3')?.textContent)).toEqual([
      'NATO',
      'Mark Rutte',
      '<img src=x onerror=alert(1)>',
    ]);
    expect(rows(container)[0]?.textContent).toContain('A military alliance.');
  });

  it('shows markup in a card as text, never as elements', async () => {
    const { container } = await render();
    expect(container.querySelector('img, b')).toBeNull();
  });

  it('renders only the rows in view for 10,000 cards, telling their place in the whole', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({ ...plain, id: `c${i}`, title: `Card ${i}` }));
    const { container } = await render({ entries: many });
    expect(rows(container).length).toBeLessThan(60);
    expect(rows(container)[0]?.getAttribute('aria-setsize')).toBe('10000');
    expect(rows(container)[1]?.getAttribute('aria-posinset')).toBe('2');
  });

  it('keeps one row in the tab order: the active one', async () => {
    const { container } = await render({ active: 1 });
    const focusable = container.querySelectorAll('button[tabindex="0"]');
    expect([...focusable].map((b) => b.textContent)).toEqual(['Mark Rutte']);
  });

  it('moves the active row with the arrow keys', async () => {
    const { container, calls } = await render();
    await press(container.querySelector('button'), 'ArrowDown');
    expect(calls.active).toEqual([1]);
  });

  it('hands focus back to the search field on ArrowUp from the first row', async () => {
    const { container, calls } = await render();
    await press(container.querySelector('button'), 'ArrowUp');
    expect(calls.leftTop).toBe(1);
  });

  it('opens a card when its title is activated', async () => {
    const { container, calls } = await render();
    (container.querySelectorAll('button')[1] as HTMLButtonElement).click();
    expect(calls.open).toEqual(['rutte']);
  });

  it('deletes the active card with the Delete key', async () => {
    const { container, calls } = await render({ active: 2 });
    await press(container.querySelectorAll('button')[2], 'Delete');
    expect(calls.deleted).toEqual(['html']);
  });

  it('says so when there is nothing to list', async () => {
    const { container } = await render({ entries: [] });
    expect(container.textContent).toContain('No card matches.');
  });

  it('passes an accessibility check', async () => {
    const { container } = await render();
    expect(await axeViolations(container)).toEqual([]);
  });
});
