// @vitest-environment happy-dom
import { cardRenderer } from '@/components/card/preact-card-renderer';
import { CardSession, type CardSessionDeps } from '@/lib/content/card/card-session';
import { createCardHost, HOST_TAG } from '@/lib/content/card/host';
import { MentionStore } from '@/lib/content/mention-store';
import type { Send } from '@/lib/protocol/client';
import { DEFAULT_PREFERENCES } from '@/lib/protocol/preferences';
import { makeCard } from '../factories';
import { staticRange } from '../static-range';
import { button } from './queries';

const nato = makeCard();
const act = makeCard({ id: 'founding-act', title: 'NATO–Russia Founding Act', related: ['nato'] });

/** A page with "NATO" (one card) and "Founding Act" (two cards), and a session over it. */
function setup(deps: Partial<CardSessionDeps> = {}) {
  document.body.innerHTML = '<p>NATO signed the Founding Act.</p><button id="before">Read on</button>';
  const text = document.querySelector('p')?.firstChild as Text;
  const range = (start: number, end: number) => staticRange(text, start, end);
  const store = new MentionStore();
  store.set(
    [
      { range: range(0, 4), cardIds: ['nato'] },
      { range: range(16, 28), cardIds: ['founding-act', 'nato'] },
    ],
    { nato, 'founding-act': act },
    DEFAULT_PREFERENCES,
  );
  const controller = new AbortController();
  const host = createCardHost(document, controller.signal, cardRenderer.css);
  const send = vi.fn<Send>(async () => ({ ok: true, result: { hidden: true, opened: true } }));
  const active = { show: vi.fn(), clear: vi.fn() };
  const session = new CardSession({
    doc: document,
    store,
    host,
    active,
    renderer: cardRenderer,
    send,
    ...deps,
  });
  const dialog = () => host.float().querySelector<HTMLElement>('[role="dialog"]');
  return { session, store, host, send, active, dialog, range, stop: () => controller.abort() };
}

afterEach(() => {
  for (const host of document.querySelectorAll(HOST_TAG)) host.remove();
});

describe('the card session', () => {
  it('opens the card of a mention', () => {
    const { session, dialog } = setup();
    expect(session.open(0, { origin: 'hover' })).toBe(true);
    expect(dialog()?.querySelector('h2')?.textContent).toBe('NATO');
  });

  it('marks the mention whose card is open, and unmarks it on close', () => {
    const { session, active } = setup();
    session.open(0, { origin: 'hover' });
    session.close();
    expect(active.show).toHaveBeenCalledOnce();
    expect(active.clear).toHaveBeenCalledOnce();
  });

  it('shows the card asked for when a mention refers to several', () => {
    const { session, dialog } = setup();
    session.open(1, { origin: 'keyboard', cardId: 'nato' });
    expect(dialog()?.querySelector('h2')?.textContent).toBe('NATO');
    expect(dialog()?.querySelector('fieldset')).not.toBeNull();
  });

  it('moves focus into the card when asked', () => {
    const { session, host, dialog } = setup();
    session.open(0, { origin: 'keyboard', focus: true });
    expect(host.activeElement()).toBe(dialog());
  });

  it('gives focus back to where it was when the card closes', () => {
    const { session } = setup();
    const before = document.getElementById('before') as HTMLElement;
    before.focus();
    session.open(0, { origin: 'keyboard', focus: true });
    session.close({ restoreFocus: true });
    expect(document.activeElement).toBe(before);
  });

  it('lets a hover card go when the pointer leaves, but not a tapped or pinned one', () => {
    const { session, dialog } = setup();
    session.open(0, { origin: 'hover' });
    expect(session.mayHide()).toBe(true);
    session.open(0, { origin: 'tap' });
    expect(session.mayHide()).toBe(false);
    session.close();
    session.open(0, { origin: 'hover' });
    button(dialog() as HTMLElement, 'Pin card').click();
    expect(session.mayHide()).toBe(false);
    expect(session.mayReplace()).toBe(false);
  });

  it('never lets a hover downgrade a card reached by keyboard', () => {
    const { session } = setup();
    session.open(0, { origin: 'keyboard' });
    session.open(0, { origin: 'hover' });
    expect(session.mayHide()).toBe(false);
  });

  it('switches to a related card in place and keeps focus in the card', () => {
    const { session, host, dialog } = setup();
    session.open(1, { origin: 'keyboard', focus: true });
    const related = [...(dialog()?.querySelectorAll('.bs-related button') ?? [])] as HTMLElement[];
    related[0]?.focus();
    related[0]?.click();
    expect(dialog()?.querySelector('h2')?.textContent).toBe('NATO');
    expect(host.activeElement()).toBe(dialog());
  });

  it('asks the background to open the manager at the card', () => {
    const { session, send, dialog } = setup();
    session.open(0, { origin: 'hover' });
    button(dialog() as HTMLElement, 'Edit in Backstory').click();
    expect(send).toHaveBeenCalledWith({ backstory: 1, method: 'manager.open', params: { cardId: 'nato' } });
  });

  it('says a failed request on the card it was about, not on one the reader switched to since', async () => {
    let fail: (value: undefined) => void = () => {};
    const { session, dialog } = setup({
      send: () =>
        new Promise((resolve) => {
          fail = resolve;
        }),
    });
    session.open(1, { origin: 'keyboard', cardId: 'founding-act' });
    button(dialog() as HTMLElement, 'Edit in Backstory').click();
    // The chooser: the reader switches to NATO before the answer comes.
    button(dialog()?.querySelector('.bs-chooser') as HTMLElement, 'NATO').click();
    await vi.waitFor(() => expect(dialog()?.querySelector('h2')?.textContent).toBe('NATO'));
    fail(undefined);
    await new Promise((wait) => setTimeout(wait, 20));
    expect(dialog()?.querySelector('[role="status"]')?.textContent ?? '').toBe('');
  });

  it('gives focus back to the control inside a component’s open shadow root, not its host', () => {
    const { session } = setup();
    const component = document.createElement('div');
    document.body.append(component);
    const root = component.attachShadow({ mode: 'open' });
    root.innerHTML = '<input aria-label="Inside">';
    const inside = root.querySelector('input') as HTMLInputElement;
    inside.focus();
    session.open(0, { origin: 'keyboard', focus: true });
    session.close({ restoreFocus: true });
    expect(root.activeElement).toBe(inside);
    expect(document.activeElement).toBe(component);
  });

  it('gives focus back to where the reader was last on the page, not where an earlier card opened', () => {
    const { session, dialog } = setup();
    document.body.insertAdjacentHTML('beforeend', '<button id="later">Later</button>');
    const before = document.getElementById('before') as HTMLElement;
    const later = document.getElementById('later') as HTMLElement;
    before.focus();
    session.open(0, { origin: 'keyboard', focus: true });
    button(dialog() as HTMLElement, 'Pin card').click();
    later.focus();
    session.open(1, { origin: 'keyboard', focus: true });
    session.close({ restoreFocus: true });
    expect(document.activeElement).toBe(later);
  });

  it('says so in the card when the background cannot be reached', async () => {
    const { session, dialog } = setup({ send: async () => undefined });
    session.open(0, { origin: 'hover' });
    button(dialog() as HTMLElement, 'Edit in Backstory').click();
    await vi.waitFor(() =>
      expect(dialog()?.querySelector('[role="status"]')?.textContent).toMatch(/could not/),
    );
  });

  it('tells the reader in the open card’s status line, and tells no one when no card is open', () => {
    const { session, dialog } = setup();
    expect(session.tell('This is the last marked term on the page.')).toBe(false);
    session.open(0, { origin: 'keyboard', focus: true });
    expect(session.tell('This is the last marked term on the page.')).toBe(true);
    expect(dialog()?.querySelector('[role="status"]')?.textContent).toBe(
      'This is the last marked term on the page.',
    );
    session.open(1, { origin: 'keyboard', focus: true });
    expect(dialog()?.querySelector('[role="status"]')?.textContent).toBe('');
  });

  it('hides the card on this site, closes it and asks for a repaint', async () => {
    const onHidden = vi.fn();
    const { session, send, dialog } = setup({ onHidden });
    session.open(0, { origin: 'hover' });
    button(dialog() as HTMLElement, /mark on this site/).click();
    await vi.waitFor(() => expect(onHidden).toHaveBeenCalledWith('nato'));
    expect(send).toHaveBeenCalledWith({
      backstory: 1,
      method: 'site.hideCard',
      params: { url: document.location.href, cardId: 'nato' },
    });
    expect(session.openIndex).toBeUndefined();
    expect(session.cards.ofMention(1)).toEqual(['founding-act']);
  });

  it('keeps the card open when a rescan paints its mention again', () => {
    const { session, store, range } = setup();
    session.open(1, { origin: 'hover' });
    store.set(
      [{ range: range(16, 28), cardIds: ['founding-act'] }],
      { 'founding-act': act },
      DEFAULT_PREFERENCES,
    );
    session.refresh();
    expect(session.openIndex).toBe(0);
  });

  it('never moves the card to another mention that a rescan painted where its own used to be', () => {
    const { session, store, range } = setup();
    session.open(0, { origin: 'hover' });
    const text = document.querySelector('p')?.firstChild as Text;
    text.data = `Iran and ${text.data}`;
    store.set(
      [
        { range: range(0, 4), cardIds: ['iran'] },
        { range: range(9, 13), cardIds: ['nato'] },
      ],
      { nato, iran: makeCard({ id: 'iran', title: 'Iran' }) },
      DEFAULT_PREFERENCES,
    );
    session.refresh();
    // The text was replaced whole, so nothing says where NATO went (a browser collapses the
    // card's live Range), and the text at its old ends is Iran's: the card closes.
    expect(session.openIndex).toBeUndefined();
  });

  it('closes the card when a rescan no longer finds its mention', () => {
    const { session, store } = setup();
    session.open(1, { origin: 'hover' });
    store.set([], {}, DEFAULT_PREFERENCES);
    session.refresh();
    expect(session.openIndex).toBeUndefined();
  });

  it('opens nothing for a mention whose cards the page has no data for', () => {
    const { session, store, range } = setup();
    store.set([{ range: range(0, 4), cardIds: ['gone'] }], {}, DEFAULT_PREFERENCES);
    expect(session.open(0, { origin: 'hover' })).toBe(false);
  });

  it('follows the reader’s theme preference', () => {
    const { session, store, range, dialog } = setup();
    store.set(
      [{ range: range(0, 4), cardIds: ['nato'] }],
      { nato },
      { ...DEFAULT_PREFERENCES, theme: 'dark' },
    );
    session.open(0, { origin: 'hover' });
    expect(dialog()?.dataset.theme).toBe('dark');
  });
});
