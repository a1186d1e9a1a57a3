// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { SearchBar, type SearchBarProps } from '@/components/list/SearchBar';
import { entry } from '../search/helpers';
import { axeViolations, field, mount } from './harness';

const entries = [
  entry({ id: 'kyiv', tags: ['place'] }),
  entry({ id: 'oslo', tags: ['place'] }),
  entry({ id: 'rutte', tags: ['people'] }),
];

async function render(props: Partial<SearchBarProps> = {}) {
  const tags: (string | undefined)[] = [];
  const all: SearchBarProps = {
    text: '',
    tag: undefined,
    entries,
    resultCount: 3,
    complete: true,
    onText: () => {},
    onTag: (tag) => tags.push(tag),
    onEnterList: () => {},
    onOpenFirst: () => {},
    onNew: () => {},
    ...props,
  };
  const mounted = await mount(<SearchBar {...all} />);
  return { ...mounted, tags };
}

const count = (container: HTMLElement) => container.querySelector('[role="status"]')?.textContent;

describe('the search bar', () => {
  it('counts cards in words a reader expects: one card, no cards, thousands with separators', async () => {
    const counts = [];
    for (const resultCount of [1, 0, 12_345]) counts.push(count((await render({ resultCount })).container));
    expect(counts).toEqual(['1 card', '0 cards', '12,345 cards']);
  });

  it('says it is still loading instead of a count that would grow', async () => {
    expect(count((await render({ complete: false })).container)).toBe('Loading all cards…');
  });

  it('says "found" for a tag filter but not for a search of spaces', async () => {
    expect(count((await render({ text: '  ' })).container)).toBe('3 cards');
    expect(count((await render({ tag: 'place', resultCount: 2 })).container)).toBe('2 cards found');
  });

  it('offers each tag with its card count, and All tags clears the filter', async () => {
    const { container, tags } = await render({ tag: 'place' });
    const select = field(container, 'Filter by tag') as HTMLSelectElement;
    expect([...select.options].map((option) => option.textContent)).toEqual([
      'All tags',
      'people (1)',
      'place (2)',
    ]);
    await act(() => {
      select.value = '';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(tags).toEqual([undefined]);
  });

  it('passes an accessibility check', async () => {
    const { container } = await render();
    expect(await axeViolations(container)).toEqual([]);
  });
});
