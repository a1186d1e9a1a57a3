import { useEffect, useState } from 'preact/hooks';
import { browserCommands, type CommandsApi, type PageShortcut, readPageShortcuts } from './page-shortcuts';

const SHORTCUTS: [keys: string, action: string][] = [
  ['Ctrl+K or /', 'Search the cards'],
  ['Alt+N or n', 'Write a new card'],
  ['↑ ↓ Home End', 'Move through the cards'],
  ['Enter', 'Open the card for editing'],
  ['Delete or ⌘⌫', 'Delete the card (Undo brings it back)'],
  ['Ctrl+Z', 'Undo the last delete'],
  ['Ctrl+S', 'Save the card'],
  ['Esc', 'Close the editor'],
];

/** Props of the keyboard list; both are seams for tests, with the real browser's as defaults. */
export interface ShortcutListProps {
  /** Where the bound keys are read; null where the browser has no `commands` API. */
  commands?: CommandsApi | null;
  /** Firefox changes keys in about:addons, Chromium in chrome://extensions/shortcuts. */
  firefox?: boolean;
}

const WHERE_TO_CHANGE = {
  chromium: 'To change them, open chrome://extensions/shortcuts in the address bar.',
  firefox: 'To change them, open about:addons, then the gear menu, then Manage Extension Shortcuts.',
};

function PageKeys({ shortcut }: { shortcut: PageShortcut }) {
  if (shortcut.keys === null) return <>No key set</>;
  return <kbd>{shortcut.keys ?? shortcut.defaultKeys}</kbd>;
}

/**
 * The keyboard shortcuts, for the settings panel: the manager's own (⌘ replaces Ctrl on a
 * Mac), then the page's, with the keys as the reader has them bound in the browser.
 */
export function ShortcutList({
  commands = browserCommands(),
  firefox = import.meta.env.FIREFOX === true,
}: ShortcutListProps) {
  const [page, setPage] = useState<PageShortcut[] | undefined>();
  useEffect(() => {
    let current = true;
    void readPageShortcuts(commands).then((read) => current && setPage(read));
    return () => {
      current = false;
    };
  }, [commands]);
  const guessed = page?.some((shortcut) => shortcut.keys === undefined);
  return (
    <section class="shortcuts" aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading" class="panel__heading">
        Keyboard
      </h2>
      <dl class="shortcuts__list">
        {SHORTCUTS.map(([keys, action]) => (
          <div key={keys} class="shortcuts__row">
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{action}</dd>
          </div>
        ))}
      </dl>
      <h3 class="shortcuts__heading">On a page</h3>
      {page && (
        <>
          <dl class="shortcuts__list">
            {page.map((shortcut) => (
              <div key={shortcut.action} class="shortcuts__row">
                <dt>
                  <PageKeys shortcut={shortcut} />
                </dt>
                <dd>{shortcut.action}</dd>
              </div>
            ))}
          </dl>
          <p class="calm">
            {guessed && 'These are the keys Backstory comes with; the browser did not say which are set. '}
            {firefox ? WHERE_TO_CHANGE.firefox : WHERE_TO_CHANGE.chromium}
          </p>
        </>
      )}
    </section>
  );
}
