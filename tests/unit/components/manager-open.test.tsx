// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { Manager } from '@/components/manager/Manager';
import { markUsed } from '@/lib/db/recent-cards';
import { freshDb, makeCard, writeEditedCard } from '../factories';
import { fakeEnv } from './fake-env';
import { axeViolations, field, mount, press, settle } from './harness';

/** The manager as the popup opens it, over a database with one card. */
async function render(initialCardId?: string) {
  const db = freshDb();
  await writeEditedCard(db, makeCard({ id: 'nato', title: 'NATO' }));
  const { env } = fakeEnv();
  const mounted = await mount(
    <Manager db={db} env={env} view="popup" {...(initialCardId ? { initialCardId } : {})} />,
  );
  await settle();
  return mounted;
}

describe('opening the manager', () => {
  it('puts focus in the search field, ready for typing', async () => {
    const { container } = await render();
    expect(document.activeElement).toBe(field(container, 'Search cards'));
  });

  it('opens the row shown as active with Enter, straight after opening', async () => {
    const { container } = await render();
    await vi.waitFor(() =>
      expect(container.querySelector('.card-row--active')?.textContent).toContain('NATO'),
    );
    await press(document.activeElement, 'Enter');
    await vi.waitFor(() => expect(container.querySelector('[aria-label="Card editor"]')).not.toBeNull());
  });

  it('leaves focus alone when it opens at a card to edit', async () => {
    const { container } = await render('nato');
    expect(document.activeElement).not.toBe(field(container, 'Search cards'));
  });

  it('lists the card it opens at first, as the active row, beside the editor in a tab', async () => {
    const db = freshDb();
    await writeEditedCard(db, makeCard({ id: 'nato', title: 'NATO' }));
    await writeEditedCard(db, makeCard({ id: 'kyiv', title: 'Kyiv' }));
    await markUsed(db, 'nato');
    const { env } = fakeEnv();
    const { container } = await mount(<Manager db={db} env={env} view="tab" initialCardId="kyiv" />);
    await vi.waitFor(() =>
      expect(container.querySelector('.card-row--active')?.textContent).toContain('Kyiv'),
    );
    expect(container.querySelector('li h3')?.textContent).toBe('Kyiv');
  });

  it('shows the list and the editor one at a time in a tab narrower than two columns need, and both once wide', async () => {
    const db = freshDb();
    await writeEditedCard(db, makeCard({ id: 'kyiv', title: 'Kyiv' }));
    const happy = (window as unknown as { happyDOM: { setViewport(size: object): void } }).happyDOM;
    happy.setViewport({ width: 500, height: 800 });
    try {
      const { container } = await mount(
        <Manager db={db} env={fakeEnv().env} view="tab" initialCardId="kyiv" />,
      );
      const browse = () => container.querySelector<HTMLElement>('.cards-panel__browse');
      await vi.waitFor(() => expect(container.querySelector('[aria-label="Card editor"]')).not.toBeNull());
      expect(browse()?.hidden).toBe(true);
      await act(() => happy.setViewport({ width: 1024, height: 800 }));
      await vi.waitFor(() => expect(browse()?.hidden).toBe(false));
      expect(container.querySelector('[aria-label="Card editor"]')).not.toBeNull();
    } finally {
      happy.setViewport({ width: 1024, height: 768 });
    }
  });

  it('offers "On this page" in the popup, and not in a tab of its own, which shows no page', async () => {
    const popup = await render();
    expect([...popup.container.querySelectorAll('[role=tab]')].map((t) => t.textContent)).toEqual([
      'Cards',
      'On this page',
      'Settings',
    ]);
    const db = freshDb();
    const { container } = await mount(<Manager db={db} env={fakeEnv().env} view="tab" />);
    await settle();
    expect([...container.querySelectorAll('[role=tab]')].map((t) => t.textContent)).toEqual([
      'Cards',
      'Settings',
    ]);
  });

  it('passes an accessibility check', async () => {
    const { container } = await render();
    expect(await axeViolations(container)).toEqual([]);
  });
});
