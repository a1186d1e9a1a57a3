// @vitest-environment happy-dom
import { earlyEscape, listenEarlyForEscape, listenForEscape } from '@/lib/content/card/escape-key';

/** A key press as the browser would send it: only those may close the card. */
function press(target: EventTarget, key = 'Escape', trusted = true): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, composed: true });
  if (trusted) Object.defineProperty(event, 'isTrusted', { value: true });
  target.dispatchEvent(event);
  return event;
}

/** A page script that lets no Escape past its own capture listener on the window. */
function pageSwallowsEscape(signal: AbortSignal) {
  const seen: string[] = [];
  window.addEventListener(
    'keydown',
    (event) => {
      seen.push(event.key);
      if (event.key === 'Escape') event.stopImmediatePropagation();
    },
    { capture: true, signal },
  );
  return seen;
}

describe('Escape and the card', () => {
  let page: AbortController;
  let card: AbortController;
  let host: HTMLElement;
  let closes: number;
  const close = () => {
    closes += 1;
    return true;
  };
  const isHost = (target: EventTarget | null) => target === host;

  beforeEach(() => {
    page = new AbortController();
    card = new AbortController();
    host = document.createElement('div');
    document.body.append(host);
    closes = 0;
  });
  afterEach(() => {
    page.abort();
    card.abort();
    host.remove();
  });

  it('without the early listener, a page that stops Escape first keeps the card open', () => {
    pageSwallowsEscape(page.signal);
    listenForEscape(document, card.signal, close, isHost);
    press(document.body);
    expect(closes).toBe(0);
  });

  it('with the listener added at document_start, the card closes whatever the page adds later', () => {
    const holder = {};
    listenEarlyForEscape(window, holder);
    const seen = pageSwallowsEscape(page.signal);
    listenForEscape(document, card.signal, close, isHost, earlyEscape(holder));

    press(document.body);
    expect(closes).toBe(1);
    // Focus was on the page: the page still gets its key.
    expect(seen).toEqual(['Escape']);

    // Focus in the card: the key was meant for us, and the page does not see it.
    press(host);
    expect(closes).toBe(2);
    expect(seen).toEqual(['Escape']);
  });

  it('ignores made-up keys and other keys', () => {
    const holder = {};
    listenEarlyForEscape(window, holder);
    listenForEscape(document, card.signal, close, isHost, earlyEscape(holder));
    press(document.body, 'Escape', false);
    press(document.body, 'Enter');
    expect(closes).toBe(0);
  });

  it('lets go of the handler when the card stops, and adds one listener per frame', () => {
    const holder = {};
    listenEarlyForEscape(window, holder);
    const first = earlyEscape(holder);
    listenEarlyForEscape(window, holder);
    expect(earlyEscape(holder)).toBe(first);

    listenForEscape(document, card.signal, close, isHost, first);
    press(document.body);
    expect(closes).toBe(1);
    card.abort();
    expect(first?.handle).toBeUndefined();
    press(document.body);
    expect(closes).toBe(1);
  });

  it('a newer card takes the handler; the older one stopping later leaves it in place', () => {
    const holder = {};
    listenEarlyForEscape(window, holder);
    const early = earlyEscape(holder);
    listenForEscape(document, card.signal, close, isHost, early);
    const newer = new AbortController();
    let newerCloses = 0;
    listenForEscape(
      document,
      newer.signal,
      () => {
        newerCloses += 1;
        return true;
      },
      isHost,
      early,
    );
    card.abort();
    press(document.body);
    expect([closes, newerCloses]).toEqual([0, 1]);
    newer.abort();
  });

  it('no hold is there when the early script did not run', () => {
    expect(earlyEscape({})).toBeUndefined();
  });
});
