// @vitest-environment happy-dom
import { cardRenderer } from '@/components/card/preact-card-renderer';
import { CardSession } from '@/lib/content/card/card-session';
import { createCardHost, HOST_TAG } from '@/lib/content/card/host';
import { MentionStore } from '@/lib/content/mention-store';
import type { Card } from '@/lib/pack/types';
import { DEFAULT_PREFERENCES } from '@/lib/protocol/preferences';
import { button } from '../card/queries';
import { makeCard } from '../factories';
import { staticRange } from '../static-range';

const nato = makeCard();
const kremlin = makeCard({ id: 'kremlin', title: 'Kremlin' });

/** A ticker reading "NATO and the Kremlin", with both painted, and a session over it. */
function setup() {
  document.body.innerHTML = '<p id="live">NATO and the Kremlin</p><button id="before">Read on</button>';
  const store = new MentionStore();
  /** What the scan answered besides the mentions: the cards it sent, those asked for and gone. */
  const answer: { cards: Record<string, Card>; gone: Set<string> } = {
    cards: { nato, kremlin },
    gone: new Set(),
  };
  /** Paints each of `words` where it is in the ticker's text node. */
  const paint = (...words: ('NATO' | 'Kremlin')[]) => {
    const text = document.querySelector('#live')?.firstChild as Text;
    const mentions = words.map((word) => {
      const start = text.data.indexOf(word);
      return { range: staticRange(text, start, start + word.length), cardIds: [word.toLowerCase()] };
    });
    store.set(mentions, answer.cards, DEFAULT_PREFERENCES, answer.gone);
  };
  paint('NATO', 'Kremlin');
  const controller = new AbortController();
  const host = createCardHost(document, controller.signal, cardRenderer.css);
  const active = { show: vi.fn(), clear: vi.fn() };
  const session = new CardSession({ doc: document, store, host, active, renderer: cardRenderer });
  const dialog = () => host.float().querySelector<HTMLElement>('[role="dialog"]');
  const pin = () => button(host.float(), 'Pin card').click();
  /** The page rewrites the ticker as a new text node, and the rescan paints `painted` in it. */
  const rewrite = (words: string, ...painted: ('NATO' | 'Kremlin')[]) => {
    (document.querySelector('#live') as HTMLElement).textContent = words;
    paint(...painted);
    session.refresh();
  };
  return { session, store, dialog, host, active, pin, rewrite, answer };
}

afterEach(() => {
  for (const host of document.querySelectorAll(HOST_TAG)) host.remove();
});

describe('an open card when the page rewrites the text around its mention', () => {
  it('keeps a pinned card open, shown as it was, while its mention is gone', () => {
    const { session, dialog, active, pin, rewrite } = setup();
    session.open(0, { origin: 'hover' });
    pin();
    expect(session.pinned).toBe(true);
    rewrite('Markets are closed');
    expect(session.isOpen).toBe(true);
    expect(session.openIndex).toBeUndefined();
    expect(dialog()?.querySelector('h2')?.textContent).toBe('NATO');
    // Its mention is not on the page: nothing is tinted for it.
    expect(active.clear).toHaveBeenCalled();
  });

  it('keeps a card that holds focus open while its mention is gone, and Escape’s close gives focus back', () => {
    const { session, host, rewrite } = setup();
    const before = document.getElementById('before') as HTMLElement;
    before.focus();
    session.open(0, { origin: 'keyboard', focus: true });
    rewrite('Markets are closed');
    expect(session.isOpen).toBe(true);
    expect(host.activeElement()).not.toBeNull();
    session.close({ restoreFocus: true });
    expect(document.activeElement).toBe(before);
  });

  it('closes a hover card whose mention is gone', () => {
    const { session, rewrite } = setup();
    session.open(0, { origin: 'hover' });
    rewrite('Markets are closed');
    expect(session.isOpen).toBe(false);
  });

  it('lets no hover replace a pinned card whose mention is gone', () => {
    const { session, dialog, pin, rewrite } = setup();
    session.open(0, { origin: 'hover' });
    pin();
    rewrite('Markets and the Kremlin', 'Kremlin');
    expect(session.openIndex).toBeUndefined();
    expect(session.open(1, { origin: 'hover' })).toBe(false);
    expect(dialog()?.querySelector('h2')?.textContent).toBe('NATO');
  });

  it('tells the store which cards it shows, so that each scan asks for them, and nothing once closed', () => {
    const { session, store, pin } = setup();
    session.open(1, { origin: 'hover' });
    expect(store.shown).toEqual(['kremlin']);
    pin();
    session.close();
    expect(store.shown).toEqual([]);
  });

  it('shows the edits made to a pinned card while its mention is gone', () => {
    const { session, dialog, pin, rewrite, answer } = setup();
    session.open(0, { origin: 'hover' });
    pin();
    answer.cards = { nato: { ...nato, title: 'North Atlantic Treaty Organization' }, kremlin };
    rewrite('Markets are closed');
    expect(session.isOpen).toBe(true);
    expect(dialog()?.querySelector('h2')?.textContent).toBe('North Atlantic Treaty Organization');
  });

  it('closes a pinned card whose mention is gone once the scan says its card was deleted, and gives focus back', () => {
    const { session, host, pin, rewrite, answer } = setup();
    const before = document.getElementById('before') as HTMLElement;
    before.focus();
    session.open(0, { origin: 'keyboard', focus: true });
    pin();
    rewrite('Markets are closed');
    expect(session.isOpen).toBe(true);
    answer.cards = { kremlin };
    answer.gone = new Set(['nato']);
    rewrite('Markets are still closed');
    expect(session.isOpen).toBe(false);
    expect(host.float().querySelector('[role="dialog"]')).toBeNull();
    expect(document.activeElement).toBe(before);
  });

  it('keeps a pinned card whose mention is gone on its other card when one of its two is deleted', () => {
    document.body.innerHTML = '<p id="live">Alliance news</p>';
    const text = document.querySelector('#live')?.firstChild as Text;
    const store = new MentionStore();
    const alliance = makeCard({ id: 'alliance', title: 'The Alliance' });
    const cards = { nato, alliance };
    store.set(
      [{ range: staticRange(text, 0, 8), cardIds: ['nato', 'alliance'] }],
      cards,
      DEFAULT_PREFERENCES,
    );
    const controller = new AbortController();
    const host = createCardHost(document, controller.signal, cardRenderer.css);
    const session = new CardSession({
      doc: document,
      store,
      host,
      active: { show: vi.fn(), clear: vi.fn() },
      renderer: cardRenderer,
    });
    session.open(0, { origin: 'hover' });
    expect(store.shown).toEqual(['nato', 'alliance']);
    button(host.float(), 'Pin card').click();
    (document.querySelector('#live') as HTMLElement).textContent = 'Markets are closed';
    store.set([], { alliance }, DEFAULT_PREFERENCES, new Set(['nato']));
    session.refresh();
    expect(session.isOpen).toBe(true);
    expect(host.float().querySelector('h2')?.textContent).toBe('The Alliance');
    expect(store.shown).toEqual(['alliance']);
  });

  it('closes even a pinned or focused card when Backstory is switched off for the site', () => {
    const { session, store, pin } = setup();
    const before = document.getElementById('before') as HTMLElement;
    before.focus();
    session.open(0, { origin: 'keyboard', focus: true });
    pin();
    // As Annotator.disable leaves the store: no mentions, and every open card gone.
    store.set([], Object.create(null), DEFAULT_PREFERENCES, new Set(store.shown));
    session.refresh();
    expect(session.isOpen).toBe(false);
    expect(document.activeElement).toBe(before);
  });

  it('opens no card on text the page has already taken out', () => {
    const { session } = setup();
    (document.querySelector('#live') as HTMLElement).textContent = 'NATO and the Kremlin';
    // The store still holds the old text node until the rescan.
    expect(session.open(0, { origin: 'hover' })).toBe(false);
  });
});
