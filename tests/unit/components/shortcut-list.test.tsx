// @vitest-environment happy-dom

import type { BoundCommand } from '@/components/settings/page-shortcuts';
import { ShortcutList, type ShortcutListProps } from '@/components/settings/ShortcutList';
import { axeViolations, mount, settle } from './harness';

/** The keyboard list over a browser whose commands are bound as `bound`. */
async function render(bound: BoundCommand[] | null, props: ShortcutListProps = {}) {
  const commands = bound ? { getAll: async () => bound } : null;
  const mounted = await mount(<ShortcutList commands={commands} {...props} />);
  await settle();
  return mounted;
}

/** The page shortcuts as listed: key, then action. */
const pageRows = (container: HTMLElement) =>
  [...container.querySelectorAll('h3 + dl .shortcuts__row')].map((row) =>
    [...row.children].map((cell) => cell.textContent),
  );

const asBound: BoundCommand[] = [
  { name: 'next-mention', shortcut: 'Alt+Shift+.' },
  { name: 'previous-mention', shortcut: 'Alt+Shift+,' },
  { name: '_execute_action', shortcut: '' },
];

describe('the keyboard list', () => {
  it('lists the page shortcuts with the keys the browser has bound', async () => {
    const { container } = await render(asBound);
    expect(pageRows(container)).toEqual([
      ['Alt+Shift+.', 'Go to the next marked term and open its card'],
      ['Alt+Shift+,', 'Go to the previous marked term and open its card'],
    ]);
  });

  it('shows a key the reader rebound, and says when a command has none', async () => {
    const { container } = await render([
      { name: 'next-mention', shortcut: 'Ctrl+Shift+Y' },
      { name: 'previous-mention', shortcut: '' },
    ]);
    expect(pageRows(container).map(([keys]) => keys)).toEqual(['Ctrl+Shift+Y', 'No key set']);
  });

  it('writes Firefox’s key names the way the keyboard shows them', async () => {
    const { container } = await render([
      { name: 'next-mention', shortcut: 'Alt+Shift+Period' },
      { name: 'previous-mention', shortcut: 'Alt+Shift+Comma' },
    ]);
    expect(pageRows(container).map(([keys]) => keys)).toEqual(['Alt+Shift+.', 'Alt+Shift+,']);
  });

  it('says where Chromium changes the keys', async () => {
    const { container } = await render(asBound, { firefox: false });
    expect(container.textContent).toContain('open chrome://extensions/shortcuts');
  });

  it('says where Firefox changes the keys', async () => {
    const { container } = await render(asBound, { firefox: true });
    expect(container.textContent).toContain(
      'open about:addons, then the gear menu, then Manage Extension Shortcuts',
    );
  });

  it('falls back to the keys Backstory comes with, saying so, where the browser has no commands API', async () => {
    const { container } = await render(null);
    expect(pageRows(container).map(([keys]) => keys)).toEqual(['Alt+Shift+.', 'Alt+Shift+,']);
    expect(container.textContent).toContain('the browser did not say which are set');
  });

  it('falls back the same way by default in a browser without the API (WXT’s fake has none)', async () => {
    const mounted = await mount(<ShortcutList />);
    await settle();
    expect(pageRows(mounted.container).map(([keys]) => keys)).toEqual(['Alt+Shift+.', 'Alt+Shift+,']);
  });

  it('falls back the same way when the browser fails to answer', async () => {
    const mounted = await mount(
      <ShortcutList commands={{ getAll: () => Promise.reject(new Error('no')) }} />,
    );
    await settle();
    expect(pageRows(mounted.container).map(([keys]) => keys)).toEqual(['Alt+Shift+.', 'Alt+Shift+,']);
  });

  it('keeps the manager’s own keys', async () => {
    const { container } = await render(asBound);
    expect(container.textContent).toContain('Search the cards');
  });

  it('passes an accessibility check', async () => {
    const { container } = await render(asBound);
    expect(await axeViolations(container)).toEqual([]);
  });
});
