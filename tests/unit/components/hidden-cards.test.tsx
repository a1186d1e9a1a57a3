// @vitest-environment happy-dom
import { PagePanel } from '@/components/page/PagePanel';
import { hideCardOnSite } from '@/lib/db/reader-settings';
import { freshDb, makeCard, writeEditedCard } from '../factories';
import { fakeEnv } from './fake-env';
import { axeViolations, button, click, mount, settle } from './harness';

const tab = { id: 7, url: 'https://news.example/article' };

/** The page panel on a site where the reader hid `hidden` (card ids) from the page's cards. */
async function render(hidden: string[] = ['nato', 'kyiv']) {
  const db = freshDb();
  await writeEditedCard(db, makeCard({ id: 'nato', title: 'NATO' }));
  await writeEditedCard(db, makeCard({ id: 'kyiv', title: 'Kyiv' }));
  for (const id of hidden) await hideCardOnSite(db, tab.url, id);
  const { env, calls } = fakeEnv({ tab, pageCards: [] });
  const mounted = await mount(<PagePanel db={db} tab={tab} env={env} onRevealed={() => {}} />);
  // Twice: the list's own query starts only once the site's rules have been read.
  await settle();
  await settle();
  return { ...mounted, db, calls };
}

const hiddenTitles = (container: HTMLElement) =>
  [...container.querySelectorAll('.hidden-cards li span[dir]')].map((title) => title.textContent);

describe('cards hidden on the site', () => {
  it('lists the cards hidden on the tab’s site, in the order they were hidden', async () => {
    const { container } = await render();
    expect(container.textContent).toContain('Not marked on news.example');
    expect(hiddenTitles(container)).toEqual(['NATO', 'Kyiv']);
  });

  it('shows no such list when nothing is hidden on the site', async () => {
    const { container } = await render([]);
    expect(container.textContent).not.toContain('Not marked on');
  });

  it('marks a card again on the site, then tells the tabs to repaint', async () => {
    const { container, db, calls } = await render();
    await click(button(container, 'Mark again “NATO”'));
    await vi.waitFor(async () => expect((await db.sites.get('news.example'))?.hiddenCards).toEqual(['kyiv']));
    await vi.waitFor(() => expect(calls.refreshes).toBe(1));
    await vi.waitFor(() => expect(hiddenTitles(container)).toEqual(['Kyiv']));
    expect(container.textContent).toContain('“NATO” is marked on news.example again.');
  });

  it('asks the page for its cards again once the tabs have repainted', async () => {
    const { container, calls } = await render();
    const asked = () => calls.tabRequests.filter((request) => request.method === 'tab.mentions').length;
    const before = asked();
    await click(button(container, 'Mark again “NATO”'));
    await vi.waitFor(() => expect(asked()).toBe(before + 1));
  });

  it('keeps keyboard focus in the list: on the next card, then on the message when none is left', async () => {
    const { container } = await render();
    const nato = button(container, 'Mark again “NATO”');
    nato.focus();
    await click(nato);
    await vi.waitFor(() => expect(document.activeElement).toBe(button(container, 'Mark again “Kyiv”')));
    await click(button(container, 'Mark again “Kyiv”'));
    await vi.waitFor(() => expect(hiddenTitles(container)).toEqual([]));
    expect(document.activeElement?.textContent).toBe('“Kyiv” is marked on news.example again.');
  });

  it('passes an accessibility check', async () => {
    const { container } = await render();
    expect(await axeViolations(container)).toEqual([]);
  });
});
