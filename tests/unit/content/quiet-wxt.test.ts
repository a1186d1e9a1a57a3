// @vitest-environment happy-dom
import { Window as HappyWindow } from 'happy-dom';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  LOCATION_CHANGE,
  type QuietWxt,
  quietWxt,
  quietWxtEvents,
  STARTED,
  wxtEventName,
} from '@/lib/content/quiet-wxt';

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

/** The early listeners on a fresh window, with their hold. */
function quieted(alive = () => true): { win: TestWindow; hold: QuietWxt } {
  const win = freshWindow();
  const holder = {};
  quietWxtEvents(win, ID, alive, holder);
  return { win, hold: quietWxt(holder) as QuietWxt };
}

/** WXT's announcement message for the copy whose context has the id `messageId`. */
const announcement = (messageId: string) => ({
  type: wxtEventName(ID, STARTED),
  contentScriptName: 'content',
  messageId,
});

describe('quietWxtEvents', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('names the events as WXT\'s own context does in the content script called "content"', async () => {
    vi.stubEnv('ENTRYPOINT', 'content');
    vi.resetModules();
    const { ContentScriptContext } = await import('wxt/utils/content-script-context');
    // Private in WXT's types; its value is what WXT posts and dispatches.
    const name = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string })
      .SCRIPT_STARTED_MESSAGE_TYPE;
    expect(name).toBe(wxtEventName(fakeBrowser.runtime.id, STARTED));
  });

  it("keeps WXT's announcement, message and event, from the page's listeners", () => {
    const { win, hold } = quieted();
    const heard = pageListens(win);
    hold.announcement = 'x1';
    post(win, announcement('x1'));
    win.document.dispatchEvent(new win.CustomEvent(wxtEventName(ID, STARTED), { detail: {} }));
    expect(heard).toEqual([]);
    expect(hold.announcement).toBeUndefined();
  });

  it("lets every other message through: the page's own, imitations of WXT's, other frames'", () => {
    const { win, hold } = quieted();
    const heard = pageListens(win);
    // Before the reading script says which announcement to await, none is held back.
    post(win, announcement('x1'));
    hold.announcement = 'x1';
    post(win, 'tick');
    post(win, { type: 'page:ready' });
    post(win, null);
    post(win, announcement('made-up'));
    // From another frame, even with the awaited id, the data is not looked at.
    post(win, announcement('x1'), null);
    post(win, announcement('x1'));
    // Once: the same message again is not WXT's.
    post(win, announcement('x1'));
    expect(heard).toEqual([
      `message ${JSON.stringify(announcement('x1'))}`,
      'message "tick"',
      'message {"type":"page:ready"}',
      'message null',
      `message ${JSON.stringify(announcement('made-up'))}`,
      `message ${JSON.stringify(announcement('x1'))}`,
      `message ${JSON.stringify(announcement('x1'))}`,
    ]);
  });

  it("lets the document's announcement through once this copy is no longer the extension's", () => {
    let alive = true;
    const { win } = quieted(() => alive);
    const heard = pageListens(win);
    alive = false;
    win.document.dispatchEvent(new win.CustomEvent(wxtEventName(ID, STARTED), { detail: {} }));
    expect(heard).toEqual([`window ${STARTED}`, `document ${STARTED}`]);
  });

  it('hands the address event to the reading script, set later, and not to the page', () => {
    const { win, hold } = quieted();
    const heard = pageListens(win);
    const seen: string[] = [];
    // Before the reading script has set its handler, the event is still kept from the page.
    win.dispatchEvent(locationChange(win, 'https://news.example/story?part=2'));
    hold.onLocationChange = (event) => seen.push((event as Event & { newUrl: URL }).newUrl.href);
    win.dispatchEvent(locationChange(win, 'https://news.example/story?part=3'));
    expect(seen).toEqual(['https://news.example/story?part=3']);
    expect(heard).toEqual([]);
  });

  it("leaves a page's imitation of the address event to the page", () => {
    const { win, hold } = quieted();
    const heard = pageListens(win);
    let calls = 0;
    hold.onLocationChange = () => calls++;
    win.dispatchEvent(new win.Event(wxtEventName(ID, LOCATION_CHANGE)));
    expect(calls).toBe(0);
    expect(heard).toEqual([`window ${LOCATION_CHANGE}`]);
  });

  it('adds its listeners once per frame', () => {
    const win = freshWindow();
    const added = vi.spyOn(win, 'addEventListener');
    const holder = {};
    quietWxtEvents(win, ID, () => true, holder);
    const first = quietWxt(holder);
    const count = added.mock.calls.length;
    expect(count).toBeGreaterThan(0);
    quietWxtEvents(win, ID, () => true, holder);
    expect(added.mock.calls.length).toBe(count);
    expect(quietWxt(holder)).toBe(first);
    expect(quietWxt({})).toBeUndefined();
  });
});
