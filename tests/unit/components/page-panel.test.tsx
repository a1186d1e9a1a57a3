// @vitest-environment happy-dom
import { PagePanel } from '@/components/page/PagePanel';
import { PAUSED_KEY, setPaused, setSiteDisabled } from '@/lib/db/reader-settings';
import type { PageCard } from '@/lib/protocol/messages';
import { freshDb } from '../factories';
import { fakeEnv } from './fake-env';
import { axeViolations, button, click, mount, settle } from './harness';

const tab = { id: 7, url: 'https://news.example/article' };
const cards: PageCard[] = [
  { id: 'nato', title: 'NATO', count: 3 },
  { id: 'kyiv', title: 'Kyiv', count: 1 },
];

/**
 * The panel over a tab that, like a real one, shows its cards only while Backstory runs
 * there, and reads itself again only when the tabs are told to repaint.
 */
async function render(setup: (db: ReturnType<typeof freshDb>) => Promise<void> = async () => {}) {
  const db = freshDb();
  await setup(db);
  const runs = async () =>
    (await db.sites.get('news.example'))?.disabled !== true &&
    (await db.settings.get(PAUSED_KEY))?.value !== true;
  let painted = await runs();
  const { env, calls } = fakeEnv({ tab, pageCards: () => (painted ? cards : []) });
  env.refreshTabs = async () => {
    calls.refreshes++;
    // A real tab takes a while to read and paint the page again.
    await new Promise((resolve) => setTimeout(resolve, 30));
    painted = await runs();
  };
  const mounted = await mount(<PagePanel db={db} tab={tab} env={env} onRevealed={() => {}} />);
  await settle();
  return { ...mounted, db, calls };
}

const siteSwitch = (container: HTMLElement) => container.querySelector<HTMLInputElement>('[role="switch"]');
const listed = (container: HTMLElement) =>
  [...container.querySelectorAll('.page-cards__title')].map((title) => title.textContent);

describe('the On this page panel', () => {
  it('lists the page’s cards while Backstory runs on the site', async () => {
    const { container } = await render();
    expect(listed(container)).toEqual(['NATO', 'Kyiv']);
  });

  it('says Backstory is off on the site, not what the page showed, once the switch is turned off', async () => {
    const { container, calls } = await render();
    await click(siteSwitch(container));
    await vi.waitFor(() => expect(calls.refreshes).toBe(1));
    await vi.waitFor(() => expect(container.textContent).toContain('Backstory is off on news.example'));
    expect(listed(container)).toEqual([]);
  });

  it('lists the cards again, read after the page repainted, once the site is switched back on', async () => {
    const { container, calls } = await render((db) => setSiteDisabled(db, 'news.example', true));
    expect(container.textContent).toContain('Backstory is off on news.example');
    await click(siteSwitch(container));
    await vi.waitFor(() => expect(calls.refreshes).toBe(1));
    await vi.waitFor(() => expect(listed(container)).toEqual(['NATO', 'Kyiv']));
  });

  it('says Backstory is paused rather than that the page mentions no card', async () => {
    const { container } = await render((db) => setPaused(db, true));
    expect(container.textContent).toContain('Backstory is paused everywhere');
    expect(container.textContent).not.toContain('mentions none');
  });

  it('resumes from the pause message and lists the page’s cards again', async () => {
    const { container, db, calls } = await render((db) => setPaused(db, true));
    await click(button(container, 'Resume Backstory'));
    await vi.waitFor(() => expect(listed(container)).toEqual(['NATO', 'Kyiv']));
    expect((await db.settings.get(PAUSED_KEY))?.value).toBe(false);
    expect(calls.refreshes).toBe(1);
    // The button went with the message; focus is on the site switch, not the page's body.
    await vi.waitFor(() => expect(document.activeElement).toBe(siteSwitch(container)));
  });

  it('passes an accessibility check while paused', async () => {
    const { container } = await render((db) => setPaused(db, true));
    expect(await axeViolations(container)).toEqual([]);
  });

  it('passes an accessibility check while off on the site', async () => {
    const { container } = await render((db) => setSiteDisabled(db, 'news.example', true));
    expect(await axeViolations(container)).toEqual([]);
  });
});
