// @vitest-environment happy-dom
import { SiteSwitch } from '@/components/page/SiteSwitch';
import { PauseSwitch } from '@/components/settings/PauseSwitch';
import { PreferencesForm } from '@/components/settings/PreferencesForm';
import { PAUSED_KEY } from '@/lib/background/site-state';
import { DEFAULT_PREFERENCES, PREFERENCES_KEY } from '@/lib/protocol/preferences';
import { freshDb } from '../factories';
import { fakeEnv } from './fake-env';
import { axeViolations, click, mount, settle } from './harness';

async function render(tabUrl: string | null = 'https://news.example/a') {
  const db = freshDb();
  const { env, calls } = fakeEnv();
  const tab = { id: 1, ...(tabUrl ? { url: tabUrl } : {}) };
  const mounted = await mount(
    <>
      <SiteSwitch db={db} tab={tab} env={env} />
      <PauseSwitch db={db} env={env} />
      <PreferencesForm db={db} preferences={DEFAULT_PREFERENCES} env={env} />
    </>,
  );
  await settle();
  return { ...mounted, db, calls };
}

const switchNamed = (container: HTMLElement, text: string) =>
  [...container.querySelectorAll('label')].find((l) => l.textContent?.includes(text))?.querySelector('input');

describe('site switch, pause and preferences', () => {
  it('switches Backstory off for the tab’s site and tells the tabs', async () => {
    const { container, db, calls } = await render();
    const site = switchNamed(container, 'Run Backstory on news.example');
    await vi.waitFor(() => expect(site?.checked).toBe(true));
    await click(site);
    await vi.waitFor(async () =>
      expect(await db.sites.get('news.example')).toEqual({ host: 'news.example', disabled: true }),
    );
    await vi.waitFor(() => expect(calls.refreshes).toBe(1));
    await vi.waitFor(() => expect(switchNamed(container, 'Run Backstory on')?.checked).toBe(false));
  });

  it('offers no site switch when the tab’s address is unknown', async () => {
    const { container } = await render(null);
    expect(container.textContent).toContain('can’t tell which site this tab shows');
  });

  it('pauses everywhere and tells the tabs', async () => {
    const { container, db, calls } = await render();
    const pause = switchNamed(container, 'Pause Backstory everywhere');
    await vi.waitFor(() => expect(pause?.disabled).toBe(false));
    await click(pause);
    await vi.waitFor(async () => expect((await db.settings.get(PAUSED_KEY))?.value).toBe(true));
    await vi.waitFor(() => expect(calls.refreshes).toBe(1));
  });

  it('stores a preference change and tells the tabs', async () => {
    const { container, db, calls } = await render();
    await click(switchNamed(container, 'Dark'));
    await vi.waitFor(async () =>
      expect((await db.settings.get(PREFERENCES_KEY))?.value).toEqual({
        ...DEFAULT_PREFERENCES,
        theme: 'dark',
      }),
    );
    await vi.waitFor(() => expect(calls.refreshes).toBe(1));
  });

  it('passes an accessibility check', async () => {
    const { container } = await render();
    expect(await axeViolations(container)).toEqual([]);
  });
});
