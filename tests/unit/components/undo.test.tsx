// @vitest-environment happy-dom
import { Manager, type ManagerProps } from '@/components/manager/Manager';
import { bumpRevision, toStoredCard } from '@/lib/db/cards';
import { RECENT_KEY, readRecent } from '@/lib/db/recent-cards';
import { freshDb, makeCard } from '../factories';
import { fakeEnv } from './fake-env';
import { axeViolations, button, click, field, mount, press, settle, typeInto } from './harness';

async function render(props: Partial<ManagerProps> = {}) {
  const db = freshDb();
  await db.transaction('rw', [db.cards, db.settings], async () => {
    await db.cards.add(toStoredCard(makeCard(), { pack: 'seeds', edited: false, created: 1, modified: 2 }));
    await db.cards.add(
      toStoredCard(makeCard({ id: 'kyiv', title: 'Kyiv', aliases: [] }), {
        edited: true,
        created: 1,
        modified: 1,
      }),
    );
    await bumpRevision(db);
  });
  const { env, calls } = fakeEnv();
  const mounted = await mount(<Manager db={db} env={env} view="popup" {...props} />);
  await vi.waitFor(() => expect(mounted.container.querySelectorAll('li h3')).toHaveLength(2));
  return { ...mounted, db, calls };
}

const titles = (container: HTMLElement) => [...container.querySelectorAll('li h3')].map((h) => h.textContent);

async function deleteFirstCard(container: HTMLElement) {
  await press(container.querySelector('li button'), 'Delete');
  await vi.waitFor(() => expect(container.textContent).toContain('Deleted “NATO”'));
}

describe('deleting a card, and undo', () => {
  it('deletes the active card with the Delete key, leaving a tombstone for a pack card', async () => {
    const { container, db, calls } = await render();
    await deleteFirstCard(container);
    expect(titles(container)).toEqual(['Kyiv']);
    expect(await db.cards.get('nato')).toBeUndefined();
    expect(await db.tombstones.get('nato')).toBeDefined();
    expect(calls.refreshes).toBe(1);
  });

  it('brings the card back exactly with Undo, and removes its tombstone', async () => {
    const { container, db } = await render();
    const before = await db.cards.get('nato');
    await deleteFirstCard(container);
    await click(button(container, 'Undo'));
    await vi.waitFor(() => expect(titles(container)).toEqual(['NATO', 'Kyiv']));
    expect(await db.cards.get('nato')).toEqual(before);
    expect(await db.tombstones.get('nato')).toBeUndefined();
    expect(container.textContent).not.toContain('Deleted “NATO”');
  });

  it('undoes with Ctrl+Z outside a text field', async () => {
    const { container, db } = await render();
    await deleteFirstCard(container);
    await press(document.body, 'z', { ctrlKey: true });
    await vi.waitFor(async () => expect(await db.cards.get('nato')).toBeDefined());
  });

  it('does nothing on Ctrl+Z when no card was deleted', async () => {
    const { container, calls } = await render();
    await press(document.body, 'z', { ctrlKey: true });
    await settle();
    expect(titles(container)).toEqual(['NATO', 'Kyiv']);
    expect(calls.refreshes).toBe(0);
  });

  it('names the deleted card in the offer, and lets the reader dismiss it', async () => {
    const { container } = await render();
    await deleteFirstCard(container);
    expect(container.querySelector('.undo-bar')?.textContent).toContain('Deleted “NATO”');
    await click(button(container, 'Dismiss'));
    expect(container.querySelector('.undo-bar')).toBeNull();
  });

  it('announces the delete to screen readers', async () => {
    const { container } = await render();
    await deleteFirstCard(container);
    const status = [...container.querySelectorAll('[role="status"]')].map((s) => s.textContent);
    expect(status).toContain('Deleted “NATO”. Undo brings it back.');
  });

  it('says so when the card was deleted elsewhere just before, and offers no undo', async () => {
    const { container, db, calls } = await render();
    // Gone from the database, but this window has not heard of it yet (no revision bump).
    await db.cards.delete('nato');
    await press(container.querySelector('li button'), 'Delete');
    await vi.waitFor(() =>
      expect(container.textContent).toContain('That card was already deleted, perhaps in another window.'),
    );
    expect(container.querySelector('.undo-bar')).toBeNull();
    expect(calls.refreshes).toBe(0);
  });

  it('passes an accessibility check while offering undo', async () => {
    const { container } = await render();
    await deleteFirstCard(container);
    await settle();
    expect(await axeViolations(container)).toEqual([]);
  });
});

describe('writing a card from the manager', () => {
  it('announces a new card by its title and remembers it as the most recently used', async () => {
    const { container, db } = await render();
    await click(button(container, 'New card'));
    await vi.waitFor(() => field(container, 'Title'));
    await typeInto(field(container, 'Title'), 'Oslo');
    await typeInto(field(container, 'Summary'), 'Capital of Norway.');
    await click(button(container, 'Save'));
    await vi.waitFor(() => expect(titles(container)[0]).toBe('Oslo'));
    const status = [...container.querySelectorAll('[role="status"]')].map((s) => s.textContent);
    expect(status).toContain('Created “Oslo”.');
    const oslo = (await db.cards.toArray()).find((card) => card.title === 'Oslo');
    await vi.waitFor(async () =>
      expect(readRecent((await db.settings.get(RECENT_KEY))?.value)[0]).toBe(oslo?.id),
    );
  });
});
