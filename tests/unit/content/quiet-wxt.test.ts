// @vitest-environment happy-dom
import { Window as HappyWindow } from 'happy-dom';
import { LOCATION_CHANGE, quietWxt, quietWxtEvents, STARTED, wxtEventName } from '@/lib/content/quiet-wxt';

const ID = 'abcdefghijklmnopabcdefghijklmnop';

/** A window with its own event constructors, as the DOM's global is. */
type TestWindow = Window & typeof globalThis;

/** A fresh window for each test: the listeners cannot be taken off one. */
function freshWindow(): TestWindow {
  return new HappyWindow({ url: 'https://news.example/story' }) as unknown as TestWindow;
}

/** What the page's own listeners, added after the early script's, receive. */
function pageListens(win: Window): string[] {
  const heard: string[] = [];
  win.addEventListener('message', (event) => heard.push(`message ${JSON.stringify(event.data)}`));
  for (const name of [STARTED, LOCATION_CHANGE]) {
    win.addEventListener(wxtEventName(ID, name), () => heard.push(`window ${name}`), { capture: true });
    win.document.addEventListener(wxtEventName(ID, name), () => heard.push(`document ${name}`));
  }
  return heard;
}

function post(win: TestWindow, data: unknown, source: Window | null = win): void {
  win.dispatchEvent(new win.MessageEvent('message', { data, source }));
}

/** WXT's address event: it carries the new address as a property. */
function locationChange(win: TestWindow, href: string): Event {
  return Object.assign(new win.Event(wxtEventName(ID, LOCATION_CHANGE)), { newUrl: new URL(href) });
}

describe('quietWxtEvents', () => {
  it('names the events as WXT does in the content script called "content"', () => {
    expect(wxtEventName(ID, STARTED)).toBe(`${ID}:content:wxt:content-script-started`);
  });

  it("keeps WXT's announcement, message and event, from the page's listeners", () => {
    const win = freshWindow();
    quietWxtEvents(win, ID, () => true, {});
    const heard = pageListens(win);
    post(win, { type: wxtEventName(ID, STARTED), contentScriptName: 'content', messageId: 'x1' });
    win.document.dispatchEvent(new win.CustomEvent(wxtEventName(ID, STARTED), { detail: {} }));
    expect(heard).toEqual([]);
  });

  it("lets every other message through, the page's own and other frames'", () => {
    const win = freshWindow();
    quietWxtEvents(win, ID, () => true, {});
    const heard = pageListens(win);
    post(win, 'tick');
    post(win, { type: 'page:ready' });
    post(win, null);
    // From another frame, even with WXT's name, the data is not looked at.
    post(win, { type: wxtEventName(ID, STARTED) }, null);
    expect(heard).toEqual([
      'message "tick"',
      'message {"type":"page:ready"}',
      'message null',
      `message ${JSON.stringify({ type: wxtEventName(ID, STARTED) })}`,
    ]);
  });

  it("lets the document's announcement through once this copy is no longer the extension's", () => {
    const win = freshWindow();
    let alive = true;
    quietWxtEvents(win, ID, () => alive, {});
    const heard = pageListens(win);
    alive = false;
    win.document.dispatchEvent(new win.CustomEvent(wxtEventName(ID, STARTED), { detail: {} }));
    expect(heard).toEqual([`window ${STARTED}`, `document ${STARTED}`]);
  });

  it('hands the address event to the reading script, set later, and not to the page', () => {
    const win = freshWindow();
    const holder = {};
    quietWxtEvents(win, ID, () => true, holder);
    const heard = pageListens(win);
    const hold = quietWxt(holder);
    const seen: string[] = [];
    expect(hold).toBeDefined();
    // Before the reading script has set its handler, the event is still kept from the page.
    win.dispatchEvent(locationChange(win, 'https://news.example/story?part=2'));
    (hold as NonNullable<typeof hold>).onLocationChange = (event) =>
      seen.push((event as Event & { newUrl: URL }).newUrl.href);
    win.dispatchEvent(locationChange(win, 'https://news.example/story?part=3'));
    expect(seen).toEqual(['https://news.example/story?part=3']);
    expect(heard).toEqual([]);
  });

  it('adds its listeners once per frame', () => {
    const win = freshWindow();
    const holder = {};
    quietWxtEvents(win, ID, () => true, holder);
    const first = quietWxt(holder);
    quietWxtEvents(win, ID, () => true, holder);
    expect(quietWxt(holder)).toBe(first);
    let calls = 0;
    (first as NonNullable<typeof first>).onLocationChange = () => calls++;
    win.dispatchEvent(locationChange(win, 'https://news.example/story?part=2'));
    expect(calls).toBe(1);
    expect(quietWxt({})).toBeUndefined();
  });
});
