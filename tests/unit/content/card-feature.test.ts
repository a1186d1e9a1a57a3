// @vitest-environment happy-dom
import { cardRenderer } from '@/components/card/preact-card-renderer';
import { startCardFeature } from '@/lib/content/card';
import { createCardHost, HOST_TAG } from '@/lib/content/card/host';
import { MentionVisibility } from '@/lib/content/card/mention-visibility';
import { ACTIVE_HIGHLIGHT } from '@/lib/content/highlights';
import { MentionStore } from '@/lib/content/mention-store';
import { DEFAULT_PREFERENCES } from '@/lib/protocol/preferences';
import { makeCard } from '../factories';
import { staticRange } from '../static-range';

afterEach(() => {
  for (const host of document.querySelectorAll(HOST_TAG)) host.remove();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('the card feature once stopped', () => {
  it('leaves no host on the page, even when the card is closed after the host went', () => {
    const controller = new AbortController();
    const host = createCardHost(document, controller.signal);
    host.float();
    expect(document.querySelector(HOST_TAG)).not.toBeNull();
    controller.abort();
    expect(document.querySelector(HOST_TAG)).toBeNull();
    // What the feature's own abort handler does next: close the card, through the host.
    host.float();
    expect(document.querySelector(HOST_TAG)).toBeNull();
  });

  it('opens no card from a keyboard step still under way when it stopped', async () => {
    document.body.innerHTML = '<p>NATO said.</p>';
    // happy-dom lays nothing out: the mention gets a box in the window.
    const box = { top: 10, bottom: 30, left: 0, right: 40, width: 40, height: 20, x: 0, y: 10 };
    vi.spyOn(Range.prototype, 'getClientRects').mockReturnValue([box] as unknown as DOMRectList);
    vi.spyOn(Range.prototype, 'getBoundingClientRect').mockReturnValue(box as DOMRect);
    vi.spyOn(MentionVisibility.prototype, 'placeOf').mockReturnValue('flow');
    // Nor has it the highlight registry: one that keeps names, as a page's does.
    vi.stubGlobal('CSS', { ...globalThis.CSS, highlights: new Map() });
    vi.stubGlobal('Highlight', class {});
    const text = document.querySelector('p')?.firstChild as Text;
    const store = new MentionStore();
    store.set(
      [{ range: staticRange(text, 0, 4), cardIds: ['nato'] }],
      { nato: makeCard() },
      DEFAULT_PREFERENCES,
    );
    const start = () => {
      const controller = new AbortController();
      const card = startCardFeature(controller.signal, store, document, { renderer: cardRenderer });
      return { card, stop: () => controller.abort() };
    };
    // Left running, the step opens the card: the test can fail.
    const first = start();
    expect(await first.card.navigate('next')).toBe(true);
    first.stop();
    expect(document.querySelector(HOST_TAG)).toBeNull();
    // Stopped while the step waits its turn.
    const second = start();
    const step = second.card.navigate('next');
    second.stop();
    expect(await step).toBe(false);
    expect(document.querySelector(HOST_TAG)).toBeNull();
  });

  it('opens no card from a keyboard step the reader pressed Escape during', async () => {
    // Two hundred mentions in a closed menu, then one in view: the step looks through the
    // menu a budget at a time, in several tasks, which leaves room for a key.
    const words = Array.from({ length: 201 }, () => 'NATO').join(' ');
    document.body.innerHTML = `<p>${words}</p>`;
    const text = document.querySelector('p')?.firstChild as Text;
    const box = { top: 10, bottom: 30, left: 0, right: 40, width: 40, height: 20, x: 0, y: 10 };
    vi.spyOn(Range.prototype, 'getClientRects').mockReturnValue([box] as unknown as DOMRectList);
    vi.spyOn(Range.prototype, 'getBoundingClientRect').mockReturnValue(box as DOMRect);
    let looked = 0;
    vi.spyOn(MentionVisibility.prototype, 'placeOf').mockImplementation(() => {
      looked += 1;
      const until = performance.now() + 0.2;
      while (performance.now() < until) {
        // Each look costs a little, as a real one does.
      }
      return looked > 200 ? 'flow' : 'hidden';
    });
    vi.stubGlobal('CSS', { ...globalThis.CSS, highlights: new Map() });
    vi.stubGlobal('Highlight', class {});
    const store = new MentionStore();
    const mentions = Array.from({ length: 201 }, (_, i) => ({
      range: staticRange(text, i * 5, i * 5 + 4),
      cardIds: ['nato'],
    }));
    store.set(mentions, { nato: makeCard() }, DEFAULT_PREFERENCES);
    const controller = new AbortController();
    const card = startCardFeature(controller.signal, store, document, { renderer: cardRenderer });
    const step = card.navigate('next');
    await new Promise((wait) => setTimeout(wait, 5));
    const escapeKey = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true });
    Object.defineProperty(escapeKey, 'isTrusted', { value: true });
    document.body.dispatchEvent(escapeKey);
    expect(await step).toBe(false);
    expect(looked).toBeLessThan(201);
    expect(document.querySelector(HOST_TAG)).toBeNull();
    // Without the key, the same step reaches the mention in view.
    looked = 0;
    expect(await card.navigate('next')).toBe(true);
    controller.abort();
  });
});

describe('the card feature over a ticker that a rescan numbers anew', () => {
  /**
   * "Moscow" above the ticker "NATO and the Kremlin", laid out as happy-dom cannot: each
   * character of the ticker 10 px wide on the line 0–20 px, and the caret under the pointer
   * in the ticker's text at x / 10.
   */
  function setup() {
    document.body.innerHTML = '<p id="above">Moscow</p><p id="live">NATO and the Kremlin</p>';
    const above = document.querySelector('#above')?.firstChild as Text;
    const live = document.querySelector('#live')?.firstChild as Text;
    vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
      if (this.startContainer !== live) return [] as unknown as DOMRectList;
      const [left, right] = [this.startOffset * 10, this.endOffset * 10];
      const rect = { left, right, top: 0, bottom: 20, x: left, y: 0, width: right - left, height: 20 };
      return [rect] as unknown as DOMRectList;
    });
    const caret = (x: number) =>
      ({ offsetNode: live, offset: Math.floor(x / 10) }) as unknown as CaretPosition;
    vi.stubGlobal('CSS', { ...globalThis.CSS, highlights: new Map() });
    vi.stubGlobal('Highlight', class {});
    Object.defineProperty(document, 'caretPositionFromPoint', { value: caret, configurable: true });
    const nato = { range: staticRange(live, 0, 4), cardIds: ['nato'] };
    const kremlin = { range: staticRange(live, 13, 20), cardIds: ['kremlin'] };
    const moscow = { range: staticRange(above, 0, 6), cardIds: ['moscow'] };
    const cards = {
      nato: makeCard(),
      kremlin: makeCard({ id: 'kremlin', title: 'Kremlin' }),
      moscow: makeCard({ id: 'moscow', title: 'Moscow' }),
    };
    const store = new MentionStore();
    store.set([nato, kremlin], cards, DEFAULT_PREFERENCES);
    const controller = new AbortController();
    startCardFeature(controller.signal, store, document, { renderer: cardRenderer });
    return { store, nato, kremlin, moscow, cards, stop: () => controller.abort() };
  }

  /** The reader's own events (a page's made-up ones open and close nothing). */
  function trusted<E extends Event>(event: E): E {
    Object.defineProperty(event, 'isTrusted', { value: true });
    return event;
  }

  /** Whether a card is open: its mention is tinted then (the stubbed registry keeps names). */
  const cardOpen = () => CSS.highlights.has(ACTIVE_HIGHLIGHT);

  afterEach(() => {
    vi.useRealTimers();
    delete (document as unknown as Record<string, unknown>).caretPositionFromPoint;
  });

  it('takes the host off the page when the card closes, and puts it back for the next card', async () => {
    vi.useFakeTimers();
    const { stop } = setup();
    const hover = (clientX: number) =>
      document.dispatchEvent(
        trusted(
          new PointerEvent('pointermove', { clientX, clientY: 10, pointerType: 'mouse', bubbles: true }),
        ),
      );
    hover(160);
    await vi.advanceTimersByTimeAsync(DEFAULT_PREFERENCES.hoverDelayMs + 100);
    expect(cardOpen()).toBe(true);
    const host = document.querySelector(HOST_TAG);
    expect(host?.parentNode).toBe(document.documentElement);
    document.body.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    await vi.advanceTimersByTimeAsync(50);
    expect(cardOpen()).toBe(false);
    expect(document.querySelector(HOST_TAG)).toBeNull();
    // "NATO" (characters 0 to 4): the same host comes back, with its closed root.
    hover(20);
    await vi.advanceTimersByTimeAsync(DEFAULT_PREFERENCES.hoverDelayMs + 100);
    expect(cardOpen()).toBe(true);
    expect(document.querySelector(HOST_TAG)).toBe(host);
    stop();
    expect(document.querySelector(HOST_TAG)).toBeNull();
  });

  it('keeps a card dismissed with Escape closed while the pointer rests on its mention, at its new number', async () => {
    vi.useFakeTimers();
    const { store, nato, kremlin, moscow, cards, stop } = setup();
    // The pointer rests on "Kremlin" (characters 13 to 20): its card opens after the delay.
    document.dispatchEvent(
      trusted(
        new PointerEvent('pointermove', { clientX: 160, clientY: 10, pointerType: 'mouse', bubbles: true }),
      ),
    );
    await vi.advanceTimersByTimeAsync(DEFAULT_PREFERENCES.hoverDelayMs + 100);
    expect(cardOpen()).toBe(true);
    document.body.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    await vi.advanceTimersByTimeAsync(50);
    expect(cardOpen()).toBe(false);
    // A rescan finds "Moscow" above: "Kremlin" is mention 2 now, not 1 (which is "NATO").
    store.set([moscow, nato, kremlin], cards, DEFAULT_PREFERENCES);
    await vi.advanceTimersByTimeAsync(DEFAULT_PREFERENCES.hoverDelayMs * 3);
    expect(cardOpen()).toBe(false);
    stop();
  });
});
