// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { Manager } from '@/components/manager/Manager';
import { bumpRevision, toStoredCard } from '@/lib/db/cards';
import { freshDb, makeCard } from '../factories';
import { fakeEnv } from './fake-env';
import { axeViolations, button, click, field, mount, press, settle, typeInto } from './harness';

/** The manager over Alpha, Bravo, Charlie and Delta, listed in that order (last edited first). */
async function render() {
  const db = freshDb();
  const names = ['Alpha', 'Bravo', 'Charlie', 'Delta'];
  await db.transaction('rw', [db.cards, db.settings], async () => {
    for (const [i, title] of names.entries()) {
      const card = makeCard({
        id: title.toLowerCase(),
        title,
        aliases: [],
        tags: [i === 2 ? 'lone' : 'shared'],
      });
      await db.cards.add(toStoredCard(card, { edited: true, created: 1, modified: names.length - i }));
    }
    await bumpRevision(db);
  });
  const mounted = await mount(<Manager db={db} env={fakeEnv().env} view="popup" />);
  await vi.waitFor(() => expect(titles(mounted.container)).toEqual(names));
  return { ...mounted, db };
}

const titles = (container: HTMLElement) => [...container.querySelectorAll('li h3')].map((h) => h.textContent);
const focused = () => document.activeElement;
const search = (container: HTMLElement) => field(container, 'Search cards');

/** Moves from the search field down to the row at `index`, as the keyboard does. */
async function focusRow(container: HTMLElement, index: number) {
  await press(search(container), 'ArrowDown');
  for (let row = 0; row < index; row++) await press(focused(), 'ArrowDown');
  expect(focused()?.closest('li')?.getAttribute('data-row')).toBe(String(index));
}

/** Presses Delete on the focused row and waits until `title` has left the list. */
async function deleteFocused(container: HTMLElement, title: string) {
  await press(focused(), 'Delete');
  await vi.waitFor(() => expect(titles(container)).not.toContain(title));
}

describe('deleting cards from the list with the keyboard', () => {
  it('deletes the card on the focused row with a second Delete, not the first row’s', async () => {
    const { container, db } = await render();
    await focusRow(container, 2);
    await deleteFocused(container, 'Charlie');
    // The row keeps focus and now shows Delta: the next Delete is meant for Delta.
    expect(focused()?.textContent).toBe('Delta');
    expect(container.querySelector('.card-row--active')?.textContent).toContain('Delta');
    await deleteFocused(container, 'Delta');
    expect(titles(container)).toEqual(['Alpha', 'Bravo']);
    expect((await db.cards.toArray()).map((card) => card.title).sort()).toEqual(['Alpha', 'Bravo']);
  });

  it('takes a second Delete pressed while the first is under way as the same one', async () => {
    const { container, db } = await render();
    await focusRow(container, 2);
    const row = focused() as HTMLElement;
    await act(() => {
      for (let i = 0; i < 2; i++)
        row.dispatchEvent(new KeyboardEvent('keydown', { key: 'Delete', bubbles: true, cancelable: true }));
    });
    await vi.waitFor(() => expect(titles(container)).not.toContain('Charlie'));
    await settle(50);
    expect(container.textContent).not.toContain('already deleted');
    expect(titles(container)).toEqual(['Alpha', 'Bravo', 'Delta']);
    expect(await db.cards.count()).toBe(3);
  });

  it('moves on from the focused row with ↓ after a delete', async () => {
    const { container } = await render();
    await focusRow(container, 1);
    await deleteFocused(container, 'Bravo');
    await press(focused(), 'ArrowDown');
    expect(focused()?.textContent).toBe('Delta');
  });

  it('puts focus on the row now last after deleting the last row', async () => {
    const { container } = await render();
    await focusRow(container, 3);
    await deleteFocused(container, 'Delta');
    expect(focused()?.textContent).toBe('Charlie');
    await deleteFocused(container, 'Charlie');
    expect(focused()?.textContent).toBe('Bravo');
  });

  it('puts focus back in the search field after deleting the only card a search found', async () => {
    const { container } = await render();
    await typeInto(search(container), 'bravo');
    await vi.waitFor(() => expect(titles(container)).toEqual(['Bravo']));
    await focusRow(container, 0);
    await deleteFocused(container, 'Bravo');
    expect(focused()).toBe(search(container));
  });

  it('goes back to all tags, and says so, once the chosen tag’s last card is deleted', async () => {
    const { container } = await render();
    const tag = field(container, 'Filter by tag') as HTMLSelectElement;
    tag.value = 'lone';
    tag.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(titles(container)).toEqual(['Charlie']));
    await focusRow(container, 0);
    await deleteFocused(container, 'Charlie');
    await vi.waitFor(() => expect(titles(container)).toEqual(['Alpha', 'Bravo', 'Delta']));
    expect(tag.value).toBe('');
    expect(container.querySelector('.search-bar__count')?.textContent).toBe(
      '3 cards. No card is tagged “lone” any more: the filter is back to all tags.',
    );
    expect(focused()).toBe(search(container));
    expect(await axeViolations(container)).toEqual([]);
  });
});

describe('the undo bar hands focus back to the list', () => {
  it('puts focus on the restored card’s row after Undo', async () => {
    const { container } = await render();
    await focusRow(container, 1);
    await deleteFocused(container, 'Bravo');
    const undo = button(container, 'Undo');
    undo.focus();
    await click(undo);
    await vi.waitFor(() => expect(titles(container)).toContain('Bravo'));
    await vi.waitFor(() => expect(focused()?.textContent).toBe('Bravo'));
  });

  it('puts focus on the row in the deleted card’s place after Dismiss', async () => {
    const { container } = await render();
    await focusRow(container, 1);
    await deleteFocused(container, 'Bravo');
    const dismiss = button(container, 'Dismiss');
    dismiss.focus();
    await click(dismiss);
    await vi.waitFor(() => expect(focused()?.textContent).toBe('Charlie'));
  });
});
