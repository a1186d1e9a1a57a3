// @vitest-environment happy-dom
import { draftOf, emptyDraft } from '@/components/editor/draft';
import { Manager, type ManagerProps } from '@/components/manager/Manager';
import { bumpRevision, toStoredCard } from '@/lib/db/cards';
import { draftSlot, keepDraft, readKeptDraft, readKeptDrafts } from '@/lib/db/editor-draft';
import type { BackstoryDB } from '@/lib/db/schema';
import { freshDb, makeCard, writeEditedCard } from '../factories';
import { fakeEnv } from './fake-env';
import { axeViolations, button, click, field, mount, press, settle, typeInto } from './harness';

/** The draft kept last, whichever card it is for. */
const latestDraft = async (db: BackstoryDB) => (await readKeptDrafts(db))[0];

const SUMMARY = 'A military alliance of 32 countries in Europe and North America.';

async function cardsDb(): Promise<BackstoryDB> {
  const db = freshDb();
  await writeEditedCard(db, makeCard({ id: 'nato', title: 'NATO' }));
  await writeEditedCard(db, makeCard({ id: 'kyiv', title: 'Kyiv', aliases: [] }));
  return db;
}

/** The manager over NATO and Kyiv, opened at `initialCardId`'s editor when given. */
async function render(props: Partial<ManagerProps> & { db?: BackstoryDB } = {}) {
  const db = props.db ?? (await cardsDb());
  const { env, calls } = fakeEnv();
  const mounted = await mount(<Manager db={db} env={env} view="popup" {...props} />);
  await vi.waitFor(() => expect(mounted.container.querySelectorAll('li h3').length).toBeGreaterThan(0));
  return { ...mounted, db, calls };
}

const heading = (container: HTMLElement) => container.querySelector('.card-form__heading')?.textContent;
const summary = (container: HTMLElement) => field(container, 'Summary');

/** Opens NATO, writes in its summary, and waits until the edit is kept. */
async function editNato(container: HTMLElement, db: BackstoryDB) {
  await typeInto(field(container, 'Search cards'), 'nato');
  await press(field(container, 'Search cards'), 'Enter');
  await vi.waitFor(() => expect(field(container, 'Title').value).toBe('NATO'));
  await typeInto(summary(container), 'Edited, not saved.');
  await vi.waitFor(async () => expect((await latestDraft(db))?.cardId).toBe('nato'));
}

const altN = (target: Element | null) => press(target, 'n', { altKey: true, code: 'KeyN' });

describe('moving to another card with unsaved changes', () => {
  it('asks before Alt+N leaves an edited card, and keeps editing when the reader says so', async () => {
    const { container, db } = await render();
    await editNato(container, db);
    summary(container).focus();
    await altN(summary(container));
    expect(container.textContent).toContain('Discard your changes?');
    expect(heading(container)).toBe('Edit card');
    expect(document.activeElement).toBe(button(container, 'Keep editing'));
    expect(await axeViolations(container)).toEqual([]);
    await click(button(container, 'Keep editing'));
    expect(summary(container).value).toBe('Edited, not saved.');
    expect(document.activeElement).toBe(summary(container));
    expect((await latestDraft(db))?.draft).toMatchObject({ summary: 'Edited, not saved.' });
  });

  it('opens the new card once the reader discards the edit, and forgets the kept draft', async () => {
    const { container, db } = await render();
    await editNato(container, db);
    await altN(summary(container));
    await click(button(container, 'Discard'));
    await vi.waitFor(() => expect(heading(container)).toBe('New card'));
    expect(field(container, 'Summary').value).toBe('');
    await vi.waitFor(async () => expect(await latestDraft(db)).toBeUndefined());
    expect((await db.cards.get('nato'))?.summary).toBe(SUMMARY);
  });

  it('asks before Ctrl+K takes the popup from an edited card back to the list', async () => {
    const { container, db } = await render();
    await editNato(container, db);
    await press(summary(container), 'k', { ctrlKey: true });
    expect(container.textContent).toContain('Discard your changes?');
    await click(button(container, 'Discard'));
    await vi.waitFor(() => expect(container.querySelector('.card-form')).toBeNull());
    await vi.waitFor(() => expect(document.activeElement).toBe(field(container, 'Search cards')));
  });

  it('opens a new card at once from a card with no changes', async () => {
    const { container } = await render();
    await typeInto(field(container, 'Search cards'), 'nato');
    await press(field(container, 'Search cards'), 'Enter');
    await vi.waitFor(() => expect(field(container, 'Title').value).toBe('NATO'));
    await altN(field(container, 'Title'));
    await vi.waitFor(() => expect(heading(container)).toBe('New card'));
  });

  it('asks before a card chosen in the list beside the editor replaces an edited one', async () => {
    const { container, db } = await render({ view: 'tab', initialCardId: 'nato' });
    await vi.waitFor(() => expect(field(container, 'Title').value).toBe('NATO'));
    await typeInto(summary(container), 'Edited, not saved.');
    const kyiv = [...container.querySelectorAll('li h3 button')].find((b) => b.textContent === 'Kyiv');
    await click(kyiv);
    expect(container.textContent).toContain('Discard your changes?');
    expect(summary(container).value).toBe('Edited, not saved.');
    await click(button(container, 'Discard'));
    await vi.waitFor(() => expect(field(container, 'Title').value).toBe('Kyiv'));
    await vi.waitFor(async () => expect(await latestDraft(db)).toBeUndefined());
  });
});

describe('carrying an edit to a tab', () => {
  it('opens the tab at the card with the unsaved changes, still unsaved', async () => {
    const { container, db, calls, unmount } = await render();
    await editNato(container, db);
    await click(button(container, 'Open in a tab'));
    await vi.waitFor(() => expect(calls.opened).toEqual(['nato']));
    expect(calls.closed).toBe(1);
    unmount();
    const tab = await render({ db, view: 'tab', initialCardId: 'nato' });
    await vi.waitFor(() => expect(summary(tab.container).value).toBe('Edited, not saved.'));
    // Still a change to save: Cancel asks, and the stored card is as it was.
    await press(summary(tab.container), 'Escape');
    expect(tab.container.textContent).toContain('Discard your changes?');
    expect((await db.cards.get('nato'))?.summary).toBe(SUMMARY);
  });

  it('opens a card as stored when it changed after the edit was kept, and leaves the edit kept', async () => {
    const { container, db, unmount } = await render();
    await editNato(container, db);
    unmount();
    // Another window (or an import) writes NATO afterwards.
    const later = ((await latestDraft(db))?.kept ?? 0) + 1000;
    await db.transaction('rw', db.cards, db.settings, async () => {
      const card = makeCard({ id: 'nato', title: 'NATO', summary: 'Newer words.' });
      await db.cards.put(toStoredCard(card, { edited: true, created: 1, modified: later }));
      await bumpRevision(db);
    });
    const tab = await render({ db, view: 'tab', initialCardId: 'nato' });
    await vi.waitFor(() => expect(summary(tab.container).value).toBe('Newer words.'));
    expect((await latestDraft(db))?.draft).toMatchObject({ summary: 'Edited, not saved.' });
  });

  it('opens a card as stored when the kept edit is another card’s', async () => {
    const { container, db } = await render();
    await editNato(container, db);
    const tab = await render({ db, view: 'tab', initialCardId: 'kyiv' });
    await vi.waitFor(() => expect(field(tab.container, 'Title').value).toBe('Kyiv'));
    expect(summary(tab.container).value).toBe(SUMMARY);
  });
});

describe('saving beside the list', () => {
  it('puts focus on the saved card’s row after Ctrl+S', async () => {
    const { container, db } = await render({ view: 'tab', initialCardId: 'kyiv' });
    await vi.waitFor(() => expect(field(container, 'Title').value).toBe('Kyiv'));
    summary(container).focus();
    await typeInto(summary(container), 'Capital of Ukraine.');
    await press(summary(container), 's', { ctrlKey: true });
    await vi.waitFor(async () => expect((await db.cards.get('kyiv'))?.summary).toBe('Capital of Ukraine.'));
    await vi.waitFor(() => expect(container.querySelector('.card-form')).toBeNull());
    await vi.waitFor(() => expect(document.activeElement?.textContent).toBe('Kyiv'));
  });
});

/** Generous under a loaded machine: each step is a few database round trips. */
const WAIT = { timeout: 5000 };

describe('the edits kept from an earlier popup, while other cards are opened', () => {
  /** The manager as it opens again after the popup closed on an edit of NATO. */
  async function withNatoKept() {
    const db = await cardsDb();
    await keepDraft(db, draftSlot('nato'), {
      cardId: 'nato',
      title: 'NATO',
      draft: { ...draftOf(makeCard({ id: 'nato', title: 'NATO' })), summary: 'Kept, not saved.' },
      kept: Date.now() + 60_000,
    });
    const rendered = await render({ db });
    await vi.waitFor(() => expect(rendered.container.textContent).toContain('“NATO” were kept'), WAIT);
    return rendered;
  }
  const openKyiv = async (container: HTMLElement) => {
    await typeInto(field(container, 'Search cards'), 'kyiv');
    await press(field(container, 'Search cards'), 'Enter');
    await vi.waitFor(() => expect(field(container, 'Title').value).toBe('Kyiv'), WAIT);
  };

  it('keeps NATO’s edit when Kyiv is opened to look and closed', async () => {
    const { container, db } = await withNatoKept();
    await openKyiv(container);
    await press(field(container, 'Title'), 'Escape');
    await vi.waitFor(() => expect(container.querySelector('.card-form')).toBeNull(), WAIT);
    await settle(50);
    expect((await readKeptDraft(db, draftSlot('nato')))?.draft).toMatchObject({
      summary: 'Kept, not saved.',
    });
  });

  it('keeps NATO’s edit when Kyiv is edited, kept and saved', async () => {
    const { container, db } = await withNatoKept();
    await openKyiv(container);
    await typeInto(summary(container), 'Kyiv, edited.');
    await vi.waitFor(async () => expect(await readKeptDraft(db, draftSlot('kyiv'))).toBeDefined(), WAIT);
    await click(button(container, 'Save'));
    await vi.waitFor(async () => expect((await db.cards.get('kyiv'))?.summary).toBe('Kyiv, edited.'), WAIT);
    await settle(50);
    expect(await readKeptDraft(db, draftSlot('kyiv'))).toBeUndefined();
    expect((await readKeptDraft(db, draftSlot('nato')))?.draft).toMatchObject({
      summary: 'Kept, not saved.',
    });
    // And NATO opens on its kept edit.
    await typeInto(field(container, 'Search cards'), 'nato');
    await press(field(container, 'Search cards'), 'Enter');
    await vi.waitFor(() => expect(summary(container).value).toBe('Kept, not saved.'), WAIT);
  });

  it('offers every card’s kept edit, and discarding one leaves the others', async () => {
    const db = await cardsDb();
    await keepDraft(db, draftSlot(undefined), {
      title: 'First new',
      draft: { ...emptyDraft(), title: 'First new' },
      kept: 2,
    });
    await keepDraft(db, draftSlot(undefined), {
      title: 'Second new',
      draft: { ...emptyDraft(), title: 'Second new' },
      kept: 3,
    });
    const { container } = await render({ db });
    await vi.waitFor(() => expect(container.querySelectorAll('.kept-draft__row')).toHaveLength(2), WAIT);
    expect([...container.querySelectorAll('.kept-draft p')].map((p) => p.textContent)).toEqual([
      'Your unsaved changes to “Second new” were kept.',
      'Your unsaved changes to “First new” were kept.',
    ]);
    expect(await axeViolations(container)).toEqual([]);
    await click(
      container.querySelectorAll<HTMLButtonElement>('.kept-draft__row .button:not(.button--primary)')[0],
    );
    await vi.waitFor(
      async () => expect((await readKeptDrafts(db)).map((draft) => draft.title)).toEqual(['First new']),
      WAIT,
    );
    await click(button(container, 'Continue editing'));
    await vi.waitFor(() => expect(field(container, 'Title').value).toBe('First new'), WAIT);
  });
});
