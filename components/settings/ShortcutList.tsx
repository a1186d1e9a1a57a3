const SHORTCUTS: [keys: string, action: string][] = [
  ['Ctrl+K or /', 'Search the cards'],
  ['Alt+N or n', 'Write a new card'],
  ['↑ ↓ Home End', 'Move through the cards'],
  ['Enter', 'Open the card for editing'],
  ['Delete', 'Delete the card (Undo brings it back)'],
  ['Ctrl+Z', 'Undo the last delete'],
  ['Ctrl+S', 'Save the card'],
  ['Esc', 'Close the editor'],
];

/** The manager's keyboard shortcuts, for the settings panel (⌘ replaces Ctrl on a Mac). */
export function ShortcutList() {
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
    </section>
  );
}
