// @vitest-environment happy-dom

import { act } from 'preact/test-utils';
import { SiteSwitch } from '@/components/page/SiteSwitch';
import { PauseSwitch } from '@/components/settings/PauseSwitch';
import { PreferencesForm } from '@/components/settings/PreferencesForm';
import { PAUSED_KEY } from '@/lib/db/reader-settings';
import { DEFAULT_PREFERENCES, PREFERENCES_KEY, readPreferences } from '@/lib/protocol/preferences';
import { freshDb } from '../factories';
import { fakeEnv } from './fake-env';
import { axeViolations, click, field, mount, settle } from './harness';

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

  it('stores a typed hover delay when the field is left, and says what was stored and why', async () => {
    const { container, db } = await render();
    const delay = field(container, 'Hover delay before a card opens (milliseconds)') as HTMLInputElement;
    const note = () => container.querySelector(`#${CSS.escape(delay.id)}-note`)?.textContent;
    const commit = async (text: string) => {
      await act(() => {
        delay.value = text;
        delay.dispatchEvent(new Event('input', { bubbles: true }));
        delay.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await settle();
    };
    const stored = async () => readPreferences((await db.settings.get(PREFERENCES_KEY))?.value).hoverDelayMs;
    await commit('600');
    expect(await stored()).toBe(600);
    expect(note()).toBe('Saved: cards open 600 ms after the pointer rests on a mention.');
    await commit('275');
    expect(await stored()).toBe(300);
    expect(delay.value).toBe('300');
    expect(note()).toBe(
      'Saved: cards open 300 ms after the pointer rests on a mention (to the nearest 50 ms).',
    );
    await commit('999999');
    expect(await stored()).toBe(5000);
    expect(note()).toContain('5,000 ms after the pointer rests on a mention (the longest delay).');
    await commit('-5');
    expect(await stored()).toBe(0);
    expect(note()).toContain('(no delay)');
    await commit('');
    expect(await stored()).toBe(0);
    expect(delay.value).toBe('0');
    expect(note()).toBe('Not a number of milliseconds; the delay stays 0 ms.');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('takes a value that is not a number when the field is left, though no change event came', async () => {
    const { container } = await render();
    const delay = field(container, 'Hover delay before a card opens (milliseconds)') as HTMLInputElement;
    // Firefox: letters typed into a number field give the value "" and, when it was "" already, no change event.
    await act(() => {
      delay.value = '';
      delay.dispatchEvent(new Event('input', { bubbles: true }));
      delay.dispatchEvent(new FocusEvent('blur'));
    });
    await settle();
    expect(delay.value).toBe('300');
    expect(container.querySelector(`#${CSS.escape(delay.id)}-note`)?.textContent).toBe(
      'Not a number of milliseconds; the delay stays 300 ms.',
    );
  });

  it('passes an accessibility check', async () => {
    const { container } = await render();
    expect(await axeViolations(container)).toEqual([]);
  });
});
