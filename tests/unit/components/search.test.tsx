// @vitest-environment happy-dom

import { act } from 'preact/test-utils';
import { CardsPanel, type CardsPanelProps } from '@/components/manager/CardsPanel';
import type { CardActions } from '@/components/manager/use-card-actions';
import { type Editing, useEditing } from '@/components/manager/use-editing';
import { freshDb } from '../factories';
import { entry } from '../search/helpers';
import { catalogState } from './catalog-state';
import { axeViolations, click, field, mount, press, settle, typeInto } from './harness';

// In edit order. Rutte, whose summary mentions The Hague, comes before the summit, so
// ranking by field (not list order) is what puts the title match first.
const cards = [
  entry({ id: 'kyiv', title: 'Kyïv', aliases: ['Kiev'], tags: ['place'], summary: 'Capital of Ukraine.' }, 3),
  entry({ id: 'rutte', title: 'Mark Rutte', tags: ['people'], summary: 'Born in The Hague.' }, 2),
  entry({ id: 'hague', title: '2025 The Hague summit', tags: ['summit'], summary: 'Allies met.' }, 1),
];

const noActions = {} as CardActions;

type PanelProps = Omit<CardsPanelProps, 'editor'> & { onOpened?(editing: Editing): void };

/** The panel with the manager's own editor state, telling the test what it opens. */
function Panel({ onOpened, ...props }: PanelProps) {
  const editor = useEditing(props.db, undefined);
  onOpened?.(editor.editing);
  return <CardsPanel {...props} editor={editor} />;
}

async function render(props: Partial<PanelProps> = {}) {
  let editing: Editing;
  const all: PanelProps = {
    db: freshDb(),
    state: catalogState(cards),
    recent: [],
    actions: noActions,
    onOpened: (next) => {
      editing = next;
    },
    wide: false,
    searchRef: { current: null },
    ...props,
  };
  const mounted = await mount(<Panel {...all} />);
  return { ...mounted, editing: () => editing };
}

const titles = (container: HTMLElement) => [...container.querySelectorAll('li h3')].map((h) => h.textContent);
const search = (container: HTMLElement) => field(container, 'Search cards');

describe('searching the cards', () => {
  it('lists every card, most recently used first', async () => {
    const { container } = await render({ recent: ['rutte'] });
    expect(titles(container)).toEqual(['Mark Rutte', 'Kyïv', '2025 The Hague summit']);
    expect(container.textContent).toContain('3 cards');
  });

  it('keeps the row the reader opened active when it moves to the top as recently used', async () => {
    const db = freshDb();
    const props = { db, state: catalogState(cards), actions: noActions, wide: true };
    let editing: Editing;
    const panel = (recent: string[]) => (
      <Panel
        {...props}
        recent={recent}
        onOpened={(next) => {
          editing = next;
        }}
        searchRef={{ current: null }}
      />
    );
    const { container, rerender } = await mount(panel([]));
    const activeTitle = () => container.querySelector('h3 button[tabindex="0"]')?.textContent;
    const rutte = [...container.querySelectorAll<HTMLButtonElement>('h3 button')].find(
      (b) => b.textContent === 'Mark Rutte',
    ) as HTMLButtonElement;
    await act(() => rutte.focus());
    await click(rutte);
    expect(editing).toEqual({ id: 'rutte' });
    expect(activeTitle()).toBe('Mark Rutte');
    await rerender(panel(['rutte']));
    expect(titles(container)[0]).toBe('Mark Rutte');
    expect(activeTitle()).toBe('Mark Rutte');
  });

  it('finds cards as the reader types, by the start of any word, best match first', async () => {
    const { container } = await render();
    await typeInto(search(container), 'hag');
    expect(titles(container)).toEqual(['2025 The Hague summit', 'Mark Rutte']);
    expect(container.textContent).toContain('2 cards found');
  });

  it('ignores case and accents', async () => {
    const { container } = await render();
    await typeInto(search(container), 'KYIV');
    expect(titles(container)).toEqual(['Kyïv']);
  });

  it('filters by tag', async () => {
    const { container } = await render();
    const tag = field(container, 'Filter by tag') as HTMLSelectElement;
    tag.value = 'people';
    tag.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(titles(container)).toEqual(['Mark Rutte']);
  });

  it('says so when nothing matches', async () => {
    const { container } = await render();
    await typeInto(search(container), 'zebra');
    expect(titles(container)).toEqual([]);
    expect(container.textContent).toContain('No card matches.');
  });

  it('offers to write the card a search did not find, with Enter or a button, its title filled in', async () => {
    const { container, editing } = await render();
    await typeInto(search(container), '  Black Sea Grain Initiative ');
    expect(container.textContent).toContain(
      'No card matches. Try fewer letters, or press Enter to write it.',
    );
    await press(search(container), 'Enter');
    expect(editing()).toMatchObject({
      id: undefined,
      start: { title: 'Black Sea Grain Initiative', summary: '' },
    });
    const offer = [...container.querySelectorAll('button')].find((b) =>
      b.textContent?.startsWith('Write a card'),
    );
    expect(offer?.textContent).toBe('Write a card titled “Black Sea Grain Initiative”');
    expect(await axeViolations(container)).toEqual([]);
    await typeInto(search(container), 'kiev');
    expect(
      [...container.querySelectorAll('button')].some((b) => b.textContent?.startsWith('Write a card')),
    ).toBe(false);
  });

  it('writes the newly missed title when the reader asks for another card while one is open', async () => {
    // Side by side, the search stays in view beside a new card's form.
    const { container } = await render({ wide: true });
    await typeInto(search(container), 'Black Sea Grain Initiative');
    await press(search(container), 'Enter');
    await settle();
    expect((field(container, 'Title') as HTMLInputElement).value).toBe('Black Sea Grain Initiative');
    await typeInto(search(container), 'Istanbul talks');
    await press(search(container), 'Enter');
    await settle();
    expect((field(container, 'Title') as HTMLInputElement).value).toBe('Istanbul talks');
  });

  it('offers no card to write when the search finds one under another tag', async () => {
    const { container, editing } = await render();
    const tag = field(container, 'Filter by tag') as HTMLSelectElement;
    tag.value = 'place';
    tag.dispatchEvent(new Event('change', { bubbles: true }));
    await typeInto(search(container), 'rutte');
    expect(titles(container)).toEqual([]);
    expect(
      [...container.querySelectorAll('button')].some((b) => b.textContent?.startsWith('Write a card')),
    ).toBe(false);
    await press(search(container), 'Enter');
    expect(editing()).toBeUndefined();
    await typeInto(search(container), 'Minsk');
    expect(
      [...container.querySelectorAll('button')].some((b) => b.textContent?.startsWith('Write a card')),
    ).toBe(true);
  });

  it('opens the best match with Enter', async () => {
    const { container, editing } = await render();
    await typeInto(search(container), 'kiev');
    await press(search(container), 'Enter');
    expect(editing()).toEqual({ id: 'kyiv' });
  });

  it('moves into the list with ArrowDown', async () => {
    const { container } = await render();
    await press(search(container), 'ArrowDown');
    expect(document.activeElement?.textContent).toBe('Kyïv');
  });

  it('passes an accessibility check with results showing', async () => {
    const { container } = await render();
    await typeInto(search(container), 'hague');
    expect(await axeViolations(container)).toEqual([]);
  });
});
