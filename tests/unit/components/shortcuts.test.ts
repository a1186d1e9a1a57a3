// @vitest-environment happy-dom
import { readPageParams } from '@/components/manager/page-params';
import { shortcutOf } from '@/components/manager/use-shortcuts';

function key(init: KeyboardEventInit, target: Element = document.body) {
  const event = new KeyboardEvent('keydown', { bubbles: true, ...init });
  Object.defineProperty(event, 'target', { value: target });
  return event;
}

describe('manager shortcuts', () => {
  const input = document.createElement('input');

  it('focuses search with Ctrl+K anywhere and with / outside a text field', () => {
    expect(shortcutOf(key({ key: 'k', ctrlKey: true }, input))).toBe('search');
    expect(shortcutOf(key({ key: '/' }))).toBe('search');
    expect(shortcutOf(key({ key: '/' }, input))).toBeUndefined();
  });

  it('starts a new card with Alt+N anywhere (by key position) and n outside a text field', () => {
    expect(shortcutOf(key({ key: '˜', code: 'KeyN', altKey: true }, input))).toBe('newCard');
    expect(shortcutOf(key({ key: 'n' }))).toBe('newCard');
    expect(shortcutOf(key({ key: 'n' }, input))).toBeUndefined();
  });

  it('undoes a delete with Ctrl+Z, but not while typing', () => {
    expect(shortcutOf(key({ key: 'z', metaKey: true }))).toBe('undo');
    expect(shortcutOf(key({ key: 'z', ctrlKey: true }, input))).toBeUndefined();
  });
});

describe('readPageParams', () => {
  it('reads the tab view and the card to open', () => {
    expect(readPageParams('chrome-extension://x/popup.html?view=tab#card=nato-enlargement')).toEqual({
      view: 'tab',
      cardId: 'nato-enlargement',
    });
  });

  it('reads the import and export section to open', () => {
    expect(readPageParams('chrome-extension://x/popup.html?view=tab#packs')).toEqual({
      view: 'tab',
      packs: true,
    });
    expect(readPageParams('chrome-extension://x/popup.html?view=tab#card=packs').packs).toBeUndefined();
  });

  it('reads the test override of the active tab', () => {
    expect(readPageParams('chrome-extension://x/popup.html?tab=12&url=https%3A%2F%2Fa.example%2F')).toEqual({
      view: 'popup',
      tab: { id: 12, url: 'https://a.example/' },
    });
  });

  it('ignores a tab override that is not a tab id', () => {
    expect(readPageParams('chrome-extension://x/popup.html?tab=abc').tab).toBeUndefined();
    expect(readPageParams('chrome-extension://x/popup.html?tab=1.5').tab).toBeUndefined();
  });

  it('opens the popup view for any view but tab', () => {
    expect(readPageParams('chrome-extension://x/popup.html?view=popup').view).toBe('popup');
  });
});
