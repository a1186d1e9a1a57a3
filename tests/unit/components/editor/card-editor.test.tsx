// @vitest-environment happy-dom

import { act } from 'preact/test-utils';
import { CardEditor, type CardEditorProps } from '@/components/editor/CardEditor';
import { emptyDraft } from '@/components/editor/draft';
import { createCard, deleteCard, saveCard } from '@/lib/db/card-writes';
import { toStoredCard } from '@/lib/db/cards';
import type { BackstoryDB } from '@/lib/db/schema';
import { freshDb, makeCard } from '../../factories';
import { entry } from '../../search/helpers';
import { catalogState } from '../catalog-state';
import { axeViolations, button, click, field, mount, press, settle, typeInto } from '../harness';

const state = catalogState([entry({ id: 'nato', title: 'NATO' }), entry({ id: 'kyiv', title: 'Kyiv' })]);

async function render(props: Partial<CardEditorProps> & { db?: BackstoryDB } = {}) {
  const db = props.db ?? freshDb();
  const closed: (string | undefined)[] = [];
  const all: CardEditorProps = {
    db,
    cardId: undefined,
    byId: state.byId(),
    index: state.index(),
    actions: {
      create: (fields) => createCard(db, fields),
      save: (card, expected) => saveCard(db, card, Date.now(), expected),
      remove: async (id) => {
        await deleteCard(db, id);
      },
    },
    onClose: (id) => closed.push(id),
    ...props,
  };
  const mounted = await mount(<CardEditor {...all} />);
  await settle();
  return { ...mounted, db, closed };
}

const text = (container: HTMLElement) => container.textContent ?? '';
/** Presses Save and waits until the save (or its refusal) has finished. */
async function save(container: HTMLElement) {
  await click(button(container, 'Save'));
  await vi.waitFor(() => expect(container.querySelector('[type="submit"]')?.textContent).toBe('Save'));
  await settle();
}

describe('CardEditor', () => {
  it('shows no errors before the reader has done anything', async () => {
    const { container } = await render();
    expect(container.querySelector('.field__error, [role="alert"]')).toBeNull();
  });

  it('puts focus in the title of a new card, ready for typing', async () => {
    const { container } = await render();
    expect(document.activeElement).toBe(field(container, 'Title'));
  });

  it('puts focus in the title of a stored card once it has opened', async () => {
    const db = freshDb();
    await db.cards.add(toStoredCard(makeCard(), { pack: 'seeds', edited: false, created: 1, modified: 1 }));
    const { container } = await render({ db, cardId: 'nato' });
    expect(document.activeElement).toBe(field(container, 'Title'));
  });

  it('does not save over a card changed elsewhere since it opened, until Save is pressed again', async () => {
    const db = freshDb();
    await db.cards.add(toStoredCard(makeCard(), { pack: 'seeds', edited: false, created: 1, modified: 1 }));
    const { container } = await render({ db, cardId: 'nato' });
    // Another window saves the card while this editor is open.
    await saveCard(db, makeCard({ summary: 'Written in another window.' }), 5);
    await typeInto(field(container, 'Summary'), 'Written here.');
    await save(container);
    expect(text(container)).toContain('changed elsewhere');
    expect((await db.cards.get('nato'))?.summary).toBe('Written in another window.');
    expect(field(container, 'Summary').value).toBe('Written here.');
    await save(container);
    expect((await db.cards.get('nato'))?.summary).toBe('Written here.');
  });

  it('refuses to save without a title and a summary, and says what to fix', async () => {
    const { container, db } = await render();
    await save(container);
    expect(text(container)).toContain('2 fields need fixing before saving.');
    expect(text(container)).toContain('Title must not be empty');
    expect(document.activeElement).toBe(field(container, 'Title'));
    expect(await db.cards.count()).toBe(0);
  });

  it('sends focus on Save to the first field in error as the form shows them', async () => {
    const { container } = await render();
    await typeInto(field(container, 'Title'), 'x'.repeat(320));
    await typeInto(field(container, 'Summary'), 'A summary.');
    await click(button(container, 'Add alias'));
    await typeInto(field(container, 'Alias 1'), 'a');
    await save(container);
    expect(document.activeElement).toBe(field(container, 'Title'));
  });

  it('names every field in its error as the field’s label does', async () => {
    const { container } = await render();
    await typeInto(field(container, 'Title'), 'x'.repeat(301));
    await click(button(container, 'Add alias'));
    await typeInto(field(container, 'Alias 1'), 'a');
    await click(button(container, 'Add timeline entry'));
    await typeInto(field(container, 'Timeline entry 1 date'), '2024-02-30');
    await click(button(container, 'Add source'));
    await typeInto(field(container, 'Source 1 address'), 'ftp://example.org');
    await typeInto(field(container, 'Facts checked on'), '2025-13');
    await save(container);
    const invalid = [...container.querySelectorAll('[aria-invalid="true"]')];
    const named = invalid.map((input) => {
      const label = container.querySelector(`label[for="${input.id}"]`)?.textContent ?? '';
      return container.querySelector(`#${CSS.escape(input.id)}-error`)?.textContent?.startsWith(`${label} `);
    });
    expect(invalid).toHaveLength(8);
    expect(named).toEqual(invalid.map(() => true));
  });

  it('stores a new card and closes with its id', async () => {
    const { container, db, closed } = await render();
    await typeInto(field(container, 'Title'), 'Permanent Joint Council');
    await typeInto(field(container, 'Summary'), 'Set up in 1997.');
    await save(container);
    const [stored] = await db.cards.toArray();
    expect(stored).toMatchObject({ title: 'Permanent Joint Council', edited: true });
    expect(closed).toEqual([stored?.id]);
  });

  it('says how long a 10,000-character title is, and keeps it whole', async () => {
    const { container } = await render();
    const title = field(container, 'Title');
    await typeInto(title, 'x'.repeat(10_000));
    title.dispatchEvent(new FocusEvent('blur'));
    await settle();
    expect(text(container)).toContain('Title is 10,000 characters; the limit is 300');
    expect(title.value).toHaveLength(10_000);
    expect(title.getAttribute('aria-invalid')).toBe('true');
  });

  it('keeps a pasted 1 MB summary in the field with a clear message, saving nothing', async () => {
    const { container, db } = await render();
    await typeInto(field(container, 'Title'), 'Long read');
    await typeInto(field(container, 'Summary'), 'word '.repeat(200_000));
    await save(container);
    expect(text(container)).toContain('Summary is 1,000,000 characters; the limit is 200,000');
    expect(field(container, 'Summary').value).toHaveLength(1_000_000);
    expect(await db.cards.count()).toBe(0);
  });

  it('refuses a source address that is not http or https', async () => {
    const { container } = await render();
    await click(button(container, 'Add source'));
    await typeInto(field(container, 'Source 1 title'), 'Trap');
    await typeInto(field(container, 'Source 1 address'), 'javascript:alert(1)');
    await save(container);
    expect(text(container)).toContain('Source 1 address must be an http or https address');
  });

  it('refuses a repeated alias and warns about a common one without blocking the save', async () => {
    const { container, db } = await render();
    await typeInto(field(container, 'Title'), 'Theresa May');
    await typeInto(field(container, 'Summary'), 'Prime Minister 2016–2019.');
    await click(button(container, 'Add alias'));
    await typeInto(field(container, 'Alias 1'), 'May');
    expect(text(container)).toContain('Alias 1 is a very common word');
    await click(button(container, 'Add alias'));
    await typeInto(field(container, 'Alias 2'), 'MAY');
    await save(container);
    expect(text(container)).toContain('Alias 2 repeats alias 1');
    await click(button(container, 'Remove alias 2'));
    await save(container);
    expect((await db.cards.toArray())[0]?.aliases).toEqual(['May']);
  });

  it('moves focus to each new row, and after a removal to the row that takes its place', async () => {
    const { container } = await render();
    const aliases = () =>
      [...container.querySelectorAll<HTMLInputElement>('input[id*="-aliases-"]')].map((input) => input.value);
    // As from the keyboard: the remove button has focus when it is pressed.
    const removeAlias = async (n: number) => {
      button(container, `Remove alias ${n}`).focus();
      await click(button(container, `Remove alias ${n}`));
    };
    for (const [n, alias] of ['EU', 'UN', 'G7'].entries()) {
      await click(button(container, 'Add alias'));
      expect(document.activeElement).toBe(field(container, `Alias ${n + 1}`));
      await typeInto(field(container, `Alias ${n + 1}`), alias);
    }
    await removeAlias(1);
    expect(aliases()).toEqual(['UN', 'G7']);
    expect(document.activeElement).toBe(field(container, 'Alias 1'));
    await removeAlias(2);
    expect(document.activeElement).toBe(field(container, 'Alias 1'));
    await removeAlias(1);
    expect(document.activeElement).toBe(button(container, 'Add alias'));
  });

  describe('when the reader leaves a field in error', () => {
    const tooShort = 'Alias 1 must be at least 2 characters long';
    /** A new card with a one-letter alias in a field that has focus. */
    async function withShortAlias() {
      const rendered = await render();
      await click(button(rendered.container, 'Add alias'));
      await typeInto(field(rendered.container, 'Alias 1'), 'a');
      return rendered;
    }
    /** Presses the mouse on `target`, which takes focus from the field, and does not release it. */
    async function pressOn(target: HTMLElement) {
      await act(() => {
        target.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, pointerType: 'mouse' }));
        target.focus();
      });
    }

    it('holds the error back while the mouse is pressed, so the press stays on Add alias and adds a row', async () => {
      const { container } = await withShortAlias();
      const add = button(container, 'Add alias');
      await pressOn(add);
      expect(text(container)).not.toContain(tooShort);
      await click(add);
      expect(document.activeElement).toBe(field(container, 'Alias 2'));
      expect(text(container)).toContain(tooShort);
    });

    it('shows the error once a press ends without a click', async () => {
      const { container } = await withShortAlias();
      await pressOn(button(container, 'Add alias'));
      await act(() => {
        window.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, pointerType: 'mouse' }));
      });
      await settle();
      expect(text(container)).toContain(tooShort);
    });

    it('shows the error at once when the reader tabs away, even while a touch is held', async () => {
      const { container } = await withShortAlias();
      const alias = field(container, 'Alias 1');
      alias.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, pointerType: 'touch' }));
      await press(alias, 'Tab');
      await act(() => button(container, 'Remove alias 1').focus());
      expect(text(container)).toContain(tooShort);
    });
  });

  it('links related cards from a search, offers a linked one no more, and unlinks one', async () => {
    const { container } = await render();
    const linkField = () => field(container, 'Add a related card');
    const chips = () => [...container.querySelectorAll('.chip span')].map((span) => span.textContent);
    await typeInto(linkField(), 'kyiv');
    await click(button(container, 'Link “Kyiv”'));
    expect(chips()).toEqual(['Kyiv']);
    expect(linkField().value).toBe('');
    expect(document.activeElement).toBe(linkField());
    await typeInto(linkField(), 'kyiv');
    expect(container.querySelector('[aria-label="Cards to link"]')).toBeNull();
    await typeInto(linkField(), 'nato');
    await click(button(container, 'Link “NATO”'));
    expect(chips()).toEqual(['Kyiv', 'NATO']);
    await click(button(container, 'Remove related card Kyiv'));
    expect(chips()).toEqual(['NATO']);
  });

  it('links the first card offered on Enter in the related-card search, and saves nothing', async () => {
    const { container, db, closed } = await render();
    await typeInto(field(container, 'Title'), 'Brussels summit');
    await typeInto(field(container, 'Summary'), 'Allies met.');
    const linkField = field(container, 'Add a related card');
    await typeInto(linkField, 'kyiv');
    await press(linkField, 'Enter');
    expect([...container.querySelectorAll('.chip span')].map((span) => span.textContent)).toEqual(['Kyiv']);
    expect(linkField.value).toBe('');
    // Nothing offered: Enter does nothing at all.
    await typeInto(linkField, 'zzz');
    await press(linkField, 'Enter');
    await settle();
    expect(container.querySelectorAll('.chip')).toHaveLength(1);
    expect(closed).toEqual([]);
    expect(await db.cards.count()).toBe(0);
  });

  it('moves between the related-card search and the cards offered with ↓ and ↑', async () => {
    const { container } = await render();
    const linkField = field(container, 'Add a related card');
    // The test Kyiv shares NATO's tag: both are offered.
    await typeInto(linkField, 'nato');
    await press(linkField, 'ArrowDown');
    expect(document.activeElement).toBe(button(container, 'Link “NATO”'));
    await press(document.activeElement, 'ArrowDown');
    expect(document.activeElement).toBe(button(container, 'Link “Kyiv”'));
    await press(document.activeElement, 'ArrowDown');
    expect(document.activeElement).toBe(button(container, 'Link “Kyiv”'));
    await press(document.activeElement, 'ArrowUp');
    await press(document.activeElement, 'ArrowUp');
    expect(document.activeElement).toBe(linkField);
  });

  it('puts focus on the chip in a removed one’s place, the one before it, then the search', async () => {
    const { container } = await render();
    const linkField = field(container, 'Add a related card');
    const remove = async (title: string) => {
      const chip = button(container, `Remove related card ${title}`);
      chip.focus();
      await click(chip);
    };
    const link = async (title: string) => {
      await typeInto(linkField, title);
      await click(button(container, `Link “${title}”`));
    };
    await link('Kyiv');
    await link('NATO');
    await remove('Kyiv');
    expect(document.activeElement).toBe(button(container, 'Remove related card NATO'));
    await link('Kyiv');
    await remove('Kyiv');
    expect(document.activeElement).toBe(button(container, 'Remove related card NATO'));
    await remove('NATO');
    expect(document.activeElement).toBe(linkField);
  });

  it('never offers a card as related to itself', async () => {
    const db = freshDb();
    await db.cards.add(toStoredCard(makeCard(), { pack: 'seeds', edited: false, created: 1, modified: 1 }));
    const { container } = await render({ db, cardId: 'nato' });
    await typeInto(field(container, 'Add a related card'), 'nato');
    const offered = [...container.querySelectorAll('[aria-label="Cards to link"] button')];
    // The test Kyiv shares NATO's tag, so it is found too: the list is not empty by accident.
    expect(offered.map((offer) => offer.textContent)).toEqual(['Link “Kyiv”']);
  });

  it('stops offering links at the pack limit of 50 related cards, says why, and keeps focus', async () => {
    const many = Array.from({ length: 60 }, (_, i) => entry({ id: `city-${i}`, title: `City ${i}` }));
    const big = catalogState([...state.entries, ...many]);
    const db = freshDb();
    const related = many.slice(0, 49).map((card) => card.id);
    await db.cards.add(toStoredCard(makeCard({ related }), { edited: true, created: 1, modified: 1 }));
    const { container } = await render({ db, cardId: 'nato', byId: big.byId(), index: big.index() });
    const input = () => container.querySelector<HTMLInputElement>('.related-field input');
    expect(input()?.readOnly).toBe(false);
    await typeInto(field(container, 'Add a related card'), 'kyiv');
    await click(button(container, 'Link “Kyiv”'));
    expect(container.querySelectorAll('.chip')).toHaveLength(50);
    expect(input()?.readOnly).toBe(true);
    // Browsers take focus away from a field that becomes disabled (happy-dom does not).
    expect(input()?.disabled).toBe(false);
    expect(input()?.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(input());
    expect(text(container)).toContain('A card links to at most 50 others.');
    await typeInto(field(container, 'A card links to at most 50 others.'), 'city');
    expect(container.querySelector('[aria-label="Cards to link"]')).toBeNull();
  });

  it('stores markup, emoji and right-to-left text exactly and shows them as text', async () => {
    const { container, db } = await render();
    const title = '<img src=x onerror=alert(1)> 🕊️ قمة لاهاي';
    await typeInto(field(container, 'Title'), title);
    await typeInto(field(container, 'Summary'), '<script>alert(1)</script>');
    await save(container);
    expect((await db.cards.toArray())[0]).toMatchObject({ title, summary: '<script>alert(1)</script>' });
    expect(container.querySelector('img, script')).toBeNull();
    expect(field(container, 'Title').getAttribute('dir')).toBe('auto');
  });

  it('saves with Ctrl+S', async () => {
    const { container, db } = await render();
    await typeInto(field(container, 'Title'), 'Shortcut');
    await typeInto(field(container, 'Summary'), 'Saved from the keyboard.');
    await press(field(container, 'Summary'), 's', { ctrlKey: true });
    await vi.waitFor(async () => expect(await db.cards.count()).toBe(1));
  });

  it('saves a new card once however often Ctrl+S is pressed while it saves', async () => {
    const { container, db } = await render();
    await typeInto(field(container, 'Title'), 'Once');
    await typeInto(field(container, 'Summary'), 'Saved once.');
    const summary = field(container, 'Summary');
    const ctrlS = () =>
      summary.dispatchEvent(
        new KeyboardEvent('keydown', { key: 's', ctrlKey: true, bubbles: true, cancelable: true }),
      );
    // Two within one render (a key's auto-repeat), and one after "Saving…" shows.
    await act(() => {
      ctrlS();
      ctrlS();
    });
    ctrlS();
    await vi.waitFor(() => expect(container.querySelector('[type="submit"]')?.textContent).toBe('Save'));
    await settle(100);
    expect(await db.cards.count()).toBe(1);
  });

  it('adds no list row past the format’s limit, and says so at the Add button', async () => {
    const tags = Array.from({ length: 49 }, (_, i) => ({ tag: `t${i}` }));
    const { container } = await render({ startDraft: { ...emptyDraft(), title: 'Many', tags } });
    const add = button(container, 'Add tag');
    expect(add.getAttribute('aria-disabled')).toBeNull();
    await click(add);
    expect(container.querySelectorAll('input[id*="-tags-"]')).toHaveLength(50);
    await click(add);
    expect(container.querySelectorAll('input[id*="-tags-"]')).toHaveLength(50);
    expect(add.getAttribute('aria-disabled')).toBe('true');
    const note = document.getElementById(add.getAttribute('aria-describedby') ?? '');
    expect(note?.textContent).toBe('Tags: at most 50.');
  });

  it('takes focus to the Add button of a list over its limit, which names the error', async () => {
    // A draft kept by an older Backstory, which let the reader add more.
    const tags = Array.from({ length: 51 }, (_, i) => ({ tag: `t${i}` }));
    const { container, db } = await render({
      keptDraft: { ...emptyDraft(), title: 'Many', summary: 'Too many tags.', tags },
    });
    await click(button(container, 'Save'));
    const add = button(container, 'Add tag');
    expect(document.activeElement).toBe(add);
    const described = (add.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id));
    expect(described.map((element) => element?.textContent).join(' ')).toContain('the limit is 50');
    expect(await db.cards.count()).toBe(0);
  });

  it('asks before discarding changes, and keeps them when the reader says so', async () => {
    const { container, closed } = await render();
    await typeInto(field(container, 'Title'), 'Half-written');
    await press(field(container, 'Title'), 'Escape');
    expect(text(container)).toContain('Discard your changes?');
    await click(button(container, 'Keep editing'));
    expect(field(container, 'Title').value).toBe('Half-written');
    expect(closed).toEqual([]);
  });

  it('closes a card started from a search at once when the reader has changed nothing', async () => {
    const { container, closed } = await render({ startDraft: { ...emptyDraft(), title: 'Verhoeven' } });
    expect(field(container, 'Title').value).toBe('Verhoeven');
    await press(field(container, 'Title'), 'Escape');
    expect(text(container)).not.toContain('Discard your changes?');
    expect(closed).toEqual([undefined]);
  });

  it('asks before discarding a card started from a search once the reader has written in it', async () => {
    const { container, closed } = await render({ startDraft: { ...emptyDraft(), title: 'Verhoeven' } });
    await typeInto(field(container, 'Summary'), 'Quoted in the article.');
    await press(field(container, 'Summary'), 'Escape');
    expect(text(container)).toContain('Discard your changes?');
    expect(closed).toEqual([]);
  });

  it('opens a stored card and saves the edit as the reader’s', async () => {
    const db = freshDb();
    await db.cards.add(toStoredCard(makeCard(), { pack: 'seeds', edited: false, created: 1, modified: 1 }));
    const { container } = await render({ db, cardId: 'nato' });
    expect(field(container, 'Title').value).toBe('NATO');
    await typeInto(field(container, 'Alias 1'), 'NATO alliance');
    await save(container);
    expect(await db.cards.get('nato')).toMatchObject({
      aliases: ['NATO alliance'],
      edited: true,
      pack: 'seeds',
    });
  });

  it('passes an accessibility check with its messages showing', async () => {
    const { container } = await render();
    await click(button(container, 'Add alias'));
    await typeInto(field(container, 'Alias 1'), 'x');
    await save(container);
    expect(await axeViolations(container)).toEqual([]);
  });
});
