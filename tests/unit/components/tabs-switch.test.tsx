// @vitest-environment happy-dom

import { TabsSwitch } from '@/components/TabsSwitch';
import { fakeEnv } from './fake-env';
import { click, mount, settle } from './harness';

/** A switch whose save waits until the test settles it, as an IndexedDB write does. */
async function pendingSwitch(on: boolean) {
  const { env, calls } = fakeEnv();
  let settleSave: (error?: Error) => void = () => undefined;
  const save = vi.fn(
    () =>
      new Promise<void>((done, fail) => {
        settleSave = (error) => (error ? fail(error) : done());
      }),
  );
  const view = (stored: boolean) => (
    <TabsSwitch on={stored} save={save} env={env}>
      Run Backstory on news.example
    </TabsSwitch>
  );
  const mounted = await mount(view(on));
  const input = mounted.container.querySelector('input') as HTMLInputElement;
  return { ...mounted, input, view, save, calls, settle: (error?: Error) => settleSave(error) };
}

describe('a switch that stores a setting', () => {
  it('keeps showing the reader’s choice through a render that comes before the setting is stored', async () => {
    const page = await pendingSwitch(false);
    await click(page.input);
    expect(page.save).toHaveBeenCalledWith(true);
    // Something else re-renders the panel while the write is under way.
    await page.rerender(page.view(false));
    expect(page.input.checked).toBe(true);
    expect(page.input.getAttribute('aria-checked')).toBe('true');
    page.settle();
    await page.rerender(page.view(true));
    await settle();
    expect(page.input.checked).toBe(true);
    expect(page.calls.refreshes).toBe(1);
    // Stored and shown agree again: the stored setting leads once more.
    await page.rerender(page.view(false));
    expect(page.input.checked).toBe(false);
  });

  it('goes back to the stored setting when the write fails', async () => {
    const page = await pendingSwitch(true);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await click(page.input);
    expect(page.input.checked).toBe(false);
    page.settle(new Error('quota exceeded'));
    await settle();
    expect(page.input.checked).toBe(true);
    expect(warn).toHaveBeenCalledWith('Backstory: the setting was not saved', new Error('quota exceeded'));
    warn.mockRestore();
    expect(page.calls.refreshes).toBe(0);
  });
});
