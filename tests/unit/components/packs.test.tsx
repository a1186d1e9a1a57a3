// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { Manager } from '@/components/manager/Manager';
import { PackTransfer, type PackTransferProps } from '@/components/packs/PackTransfer';
import { type PackImport, usePackImport } from '@/components/packs/use-pack-import';
import { deleteCard } from '@/lib/db/card-writes';
import { toStoredCard } from '@/lib/db/cards';
import { syncSeeds } from '@/lib/db/install-pack';
import { importPack } from '@/lib/db/pack-import';
import { MAX_PACK_BYTES } from '@/lib/pack/read-pack';
import { freshDb, makeCard, makePack, writeEditedCard } from '../factories';
import { fakeEnv } from './fake-env';
import { axeViolations, button, click, field, mount, settle } from './harness';

/** The section as the manager mounts it, with the import's state kept outside it. */
function Packs(props: Omit<PackTransferProps, 'packImport'>) {
  return <PackTransfer {...props} packImport={usePackImport(props.db, props.env)} />;
}

async function render(view: 'popup' | 'tab' = 'tab') {
  const db = freshDb();
  await syncSeeds(db, [makePack()]);
  const { env, calls } = fakeEnv();
  const mounted = await mount(<Packs db={db} env={env} view={view} />);
  await settle();
  return { ...mounted, db, calls };
}

/** Hands a file to the import's file input, as the file picker does. */
async function chooseFile(container: HTMLElement, name: string, text: string, size = text.length) {
  const input = container.querySelector('input[type="file"]') as HTMLInputElement;
  const file = { name, size, arrayBuffer: async () => new TextEncoder().encode(text).buffer };
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  (document.activeElement as HTMLElement | null)?.blur();
  await act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  // Read and planned: a preview or a refusal takes focus.
  await vi.waitFor(() => expect(document.activeElement?.hasAttribute('data-takes-focus')).toBe(true));
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** Imports a one-card pack (Kyiv) and waits for the offer to undo it. */
async function importKyiv(container: HTMLElement) {
  await chooseFile(
    container,
    'one.json',
    json(makePack([makeCard({ id: 'kyiv', title: 'Kyiv' })], { id: 'one' })),
  );
  await click(button(container, 'Import 1 card'));
  await vi.waitFor(() => button(container, 'Undo import'));
}

describe('importing a pack from the manager', () => {
  it('shows what a pack would change, writes nothing until confirmed, then imports and tells the tabs', async () => {
    const { container, db, calls } = await render();
    const allies = { id: 'allies', title: 'Allies' };
    await importPack(db, makePack([makeCard({ id: 'oslo', title: 'Oslo' })], { ...allies, version: '1' }), {
      replaceYours: false,
    });
    const incoming = makePack(
      [
        makeCard({ id: 'oslo', title: 'Oslo', summary: 'Newer words.' }),
        makeCard({ id: 'kyiv', title: 'Kyiv' }),
      ],
      { ...allies, version: '2' },
    );
    await chooseFile(container, 'allies.json', json(incoming));
    expect(container.textContent).toContain('Import “Allies”?');
    expect(container.textContent).toContain('allies.json, version 2: 2 cards.');
    expect(container.textContent).toContain('1 card new');
    expect(container.textContent).toContain('1 card updated from the pack');
    expect(document.activeElement?.textContent).toBe('Import “Allies”?');
    expect(await db.cards.get('kyiv')).toBeUndefined();
    expect(await axeViolations(container)).toEqual([]);
    await click(button(container, 'Import 2 cards'));
    await vi.waitFor(() => expect(container.textContent).toContain('Imported 2 cards from “Allies”.'));
    expect(await db.cards.get('kyiv')).toBeDefined();
    expect((await db.cards.get('oslo'))?.summary).toBe('Newer words.');
    expect(calls.refreshes).toBe(1);
  });

  it('undoes the import from the message that reports it', async () => {
    const { container, db, calls } = await render();
    await importKyiv(container);
    await click(button(container, 'Undo import'));
    await vi.waitFor(() => expect(container.textContent).toContain('Import undone: 1 new card removed.'));
    expect(await db.cards.get('kyiv')).toBeUndefined();
    expect(document.activeElement?.textContent).toContain('Import undone');
    expect(calls.refreshes).toBe(2);
  });

  it('says which cards Undo import kept because they changed since', async () => {
    const { container, db } = await render();
    const two = makePack([makeCard({ id: 'kyiv', title: 'Kyiv' }), makeCard({ id: 'oslo', title: 'Oslo' })], {
      id: 'two',
    });
    await chooseFile(container, 'two.json', json(two));
    await click(button(container, 'Import 2 cards'));
    await vi.waitFor(() => button(container, 'Undo import'));
    await writeEditedCard(db, makeCard({ id: 'oslo', title: 'Oslo', summary: 'Edited after the import.' }));
    await click(button(container, 'Undo import'));
    await vi.waitFor(() =>
      expect(container.textContent).toContain(
        'Import undone: 1 new card removed; 1 card changed since the import was kept.',
      ),
    );
  });

  it('says which cards Undo import removed, deleted again and put back as they were', async () => {
    const { container, db } = await render();
    const allies = { id: 'allies', title: 'Allies' };
    await importPack(db, makePack([makeCard({ id: 'oslo', title: 'Oslo' })], { ...allies, version: '1' }), {
      replaceYours: false,
    });
    await deleteCard(db, 'nato');
    const incoming = makePack(
      [
        makeCard({ id: 'oslo', title: 'Oslo', summary: 'Newer words.' }),
        makeCard({ id: 'kyiv', title: 'Kyiv' }),
        makeCard({ id: 'minsk', title: 'Minsk' }),
        makeCard(),
      ],
      { ...allies, version: '2' },
    );
    await chooseFile(container, 'allies.json', json(incoming));
    await click(button(container, 'Import 4 cards'));
    await vi.waitFor(() => button(container, 'Undo import'));
    await click(button(container, 'Undo import'));
    await vi.waitFor(() =>
      expect(container.textContent).toContain(
        'Import undone: 2 new cards removed, 1 card you had deleted removed again, 1 card put back as it was.',
      ),
    );
    expect((await db.cards.get('oslo'))?.summary).toBe(makeCard().summary);
    expect(await db.tombstones.get('nato')).toBeDefined();
  });

  it('keeps the reader’s edits unless they tick the box to replace them', async () => {
    const { container, db } = await render();
    await writeEditedCard(db, makeCard({ summary: 'My words.' }));
    const incoming = makePack([makeCard({ summary: 'The pack’s words.' })], { id: 'other' });
    await chooseFile(container, 'other.json', json(incoming));
    expect(container.textContent).toContain('1 card you wrote or edited also in the pack: “NATO”');
    expect(container.textContent).toContain(
      'Nothing to import unless you replace cards with the pack’s version.',
    );
    const box = [...container.querySelectorAll('label')]
      .find((label) => label.textContent?.includes('Replace them'))
      ?.querySelector('input');
    await click(box);
    await click(button(container, 'Import 1 card'));
    await vi.waitFor(async () => expect((await db.cards.get('nato'))?.summary).toBe('The pack’s words.'));
  });

  it('keeps the cards Backstory came with unless the reader ticks the box to replace them', async () => {
    const { container, db } = await render();
    const incoming = makePack([makeCard({ summary: 'Another account.' })], { id: 'other' });
    await chooseFile(container, 'other.json', json(incoming));
    expect(container.textContent).toContain(
      '1 card that came with Backstory, which the pack says otherwise: “NATO”',
    );
    expect(container.textContent).toContain(
      'Nothing to import unless you replace cards with the pack’s version.',
    );
    expect(await axeViolations(container)).toEqual([]);
    const box = [...container.querySelectorAll('label')]
      .find((label) => label.textContent?.includes('no longer get Backstory’s updates'))
      ?.querySelector('input');
    await click(box);
    await click(button(container, 'Import 1 card'));
    await vi.waitFor(async () => expect((await db.cards.get('nato'))?.summary).toBe('Another account.'));
  });

  it('refuses a broken file, says what and where, changes nothing, and moves focus to the message', async () => {
    const { container, db } = await render();
    const before = await db.cards.toArray();
    await chooseFile(container, 'broken.json', '{\n  "backstory": 1,\n  "cards": [\n}');
    const alert = container.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('broken.json was not imported; nothing was changed.');
    expect(alert?.textContent).toMatch(/broken\.json: not a JSON file \(line 4, column 1\)/);
    expect(document.activeElement?.textContent).toBe('broken.json was not imported; nothing was changed.');
    const hostile = makePack([makeCard({ sources: [{ title: 'x', url: 'javascript:alert(1)' }] })]);
    await chooseFile(container, 'hostile.json', json(hostile));
    expect(container.querySelector('[role="alert"]')?.textContent).toContain(
      'hostile.json: card "nato" (cards[0]), field "sources[0].url" must be an http or https address',
    );
    expect(await db.cards.toArray()).toEqual(before);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('refuses a file too large without reading it', async () => {
    const { container } = await render();
    const read = vi.fn(async () => new ArrayBuffer(2));
    const input = container.querySelector('input[type="file"]') as HTMLInputElement;
    Object.defineProperty(input, 'files', {
      value: [{ name: 'huge.json', size: MAX_PACK_BYTES * 2, arrayBuffer: read }],
    });
    await act(() => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    expect(container.querySelector('[role="alert"]')?.textContent).toContain(
      'huge.json: the file is 200.0 MB; Backstory reads packs of up to 100.0 MB',
    );
    expect(read).not.toHaveBeenCalled();
  });

  it('goes back to the file picker on Cancel, writing nothing', async () => {
    const { container, db } = await render();
    await chooseFile(
      container,
      'one.json',
      json(makePack([makeCard({ id: 'kyiv', title: 'Kyiv' })], { id: 'one' })),
    );
    await click(button(container, 'Cancel'));
    expect(container.textContent).not.toContain('Import “');
    expect(document.activeElement).toBe(container.querySelector('input[type="file"]'));
    expect(await db.cards.get('kyiv')).toBeUndefined();
  });
});

describe('an import in the full-tab manager', () => {
  it('can still be undone after the reader looked at the cards and came back to Settings', async () => {
    const db = freshDb();
    await syncSeeds(db, [makePack()]);
    const { env } = fakeEnv();
    const { container } = await mount(<Manager db={db} env={env} view="tab" initialPanel="settings" />);
    await vi.waitFor(() => expect(container.querySelector('input[type="file"]')).not.toBeNull());
    await importKyiv(container);
    await click(button(container, 'Cards'));
    const settingsTab = button(container, 'Settings');
    settingsTab.focus();
    await click(settingsTab);
    await settle();
    // Coming back is not a new step: focus stays on the tab the reader pressed.
    expect(document.activeElement).toBe(settingsTab);
    await click(button(container, 'Undo import'));
    await vi.waitFor(async () => expect(await db.cards.get('kyiv')).toBeUndefined());
  });
});

describe('exporting cards from the manager', () => {
  it('counts all cards and the reader’s from the manager’s catalog, and follows changes', async () => {
    const db = freshDb();
    await syncSeeds(db, [makePack()]);
    await db.cards.put(
      toStoredCard(makeCard({ id: 'own', title: 'Own' }), { edited: true, created: 1, modified: 1 }),
    );
    const { env } = fakeEnv();
    const { container } = await mount(<Manager db={db} env={env} view="tab" initialPanel="settings" />);
    await vi.waitFor(() => expect(container.textContent).toContain('All cards (3)'));
    expect(container.textContent).toContain('Only cards you wrote or edited (1)');
    // A change made elsewhere (another window) reaches the counts through the catalog.
    await writeEditedCard(db, makeCard({ id: 'nato', title: 'NATO', summary: 'Edited elsewhere.' }));
    await vi.waitFor(() => expect(container.textContent).toContain('Only cards you wrote or edited (2)'));
    expect(container.textContent).toContain('All cards (3)');
    await writeEditedCard(db, makeCard({ id: 'new', title: 'New' }));
    await vi.waitFor(() => expect(container.textContent).toContain('All cards (4)'));
    expect(container.textContent).toContain('Only cards you wrote or edited (3)');
  });

  it('saves all cards, or only the reader’s, under the title given, and says where', async () => {
    const db = freshDb();
    await syncSeeds(db, [makePack()]);
    await db.cards.put(
      toStoredCard(makeCard({ id: 'own', title: 'Own' }), { edited: true, created: 1, modified: 1 }),
    );
    const saved: { name: string; text: string }[] = [];
    const { ExportForm } = await import('@/components/packs/ExportForm');
    const { container } = await mount(
      <ExportForm db={db} counts={{ all: 3, yours: 1 }} save={(name, text) => saved.push({ name, text })} />,
    );
    expect(container.textContent).toContain('All cards (3)');
    expect(container.textContent).toContain('Only cards you wrote or edited (1)');
    await act(() => {
      const title = field(container, 'Pack title') as HTMLInputElement;
      title.value = 'Shared with Ana';
      title.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await click(button(container, 'Export to a file'));
    await vi.waitFor(() => expect(saved).toHaveLength(1));
    const first = JSON.parse(saved[0]?.text ?? '');
    expect(first.pack).toMatchObject({ id: 'shared-with-ana', title: 'Shared with Ana' });
    expect(first.cards.map((card: { id: string }) => card.id)).toEqual(['founding-act', 'nato', 'own']);
    expect(saved[0]?.name).toMatch(/^shared-with-ana-\d{4}\.\d{2}\.\d{2}\.\d{6}\.json$/);
    expect(container.querySelector('[role="status"]')?.textContent).toBe(
      `Saved 3 cards as ${saved[0]?.name}, in your downloads.`,
    );
    const yours = [...container.querySelectorAll('input[type="radio"]')][1] as HTMLInputElement;
    await click(yours);
    await click(button(container, 'Export to a file'));
    await vi.waitFor(() => expect(saved).toHaveLength(2));
    expect(JSON.parse(saved[1]?.text ?? '').cards.map((card: { id: string }) => card.id)).toEqual(['own']);
    expect(await axeViolations(container)).toEqual([]);
    // The button keeps focus through an export.
    const exportButton = button(container, 'Export to a file');
    exportButton.focus();
    await click(exportButton);
    await vi.waitFor(() => expect(saved).toHaveLength(3));
    expect(document.activeElement).toBe(exportButton);
    expect(exportButton.disabled).toBe(false);
  });

  it('saves nothing when there are no cards of the reader’s to export, and says so', async () => {
    const db = freshDb();
    await syncSeeds(db, [makePack()]);
    const saved: string[] = [];
    const { ExportForm } = await import('@/components/packs/ExportForm');
    const { container } = await mount(<ExportForm db={db} save={(name) => saved.push(name)} />);
    await settle();
    await click([...container.querySelectorAll('input[type="radio"]')][1] as HTMLInputElement);
    await click(button(container, 'Export to a file'));
    await vi.waitFor(() =>
      expect(container.textContent).toContain(
        'There are no cards you wrote or edited yet: nothing was saved.',
      ),
    );
    expect(saved).toEqual([]);
  });
});

describe('import and export in the toolbar popup', () => {
  it('offers to open them in a tab, since a file dialog closes a popup', async () => {
    const { container, calls } = await render('popup');
    expect(container.querySelector('input[type="file"]')).toBeNull();
    await click(button(container, 'Import or export in a tab'));
    expect(calls.packsOpened).toBe(1);
    expect(await axeViolations(container)).toEqual([]);
  });
});

describe('import steps taken twice', () => {
  async function probe() {
    const db = freshDb();
    await syncSeeds(db, [makePack()]);
    const hook: { current?: PackImport } = {};
    function Probe() {
      const packImport = usePackImport(db, fakeEnv().env);
      hook.current = packImport;
      const { state } = packImport;
      return <p>{state.step === 'preview' ? state.pack.pack.title : state.step}</p>;
    }
    const mounted = await mount(<Probe />);
    return { ...mounted, db, hook: () => hook.current as PackImport };
  }
  const bytes = (title: string) =>
    new TextEncoder().encode(json(makePack([makeCard({ id: 'kyiv', title: 'Kyiv' })], { id: 'p', title })))
      .buffer as ArrayBuffer;

  it('shows the latest file chosen, however long an earlier one takes to read', async () => {
    const { container, hook } = await probe();
    let release: () => void = () => {};
    const slow = {
      name: 'a.json',
      size: 100,
      arrayBuffer: () =>
        new Promise<ArrayBuffer>((resolve) => {
          release = () => resolve(bytes('Pack A'));
        }),
    };
    const fast = { name: 'b.json', size: 100, arrayBuffer: async () => bytes('Pack B') };
    let first: Promise<void> = Promise.resolve();
    await act(() => {
      first = hook().choose(slow);
    });
    await act(() => hook().choose(fast));
    await vi.waitFor(() => expect(container.textContent).toBe('Pack B'));
    await act(async () => {
      release();
      await first;
    });
    await settle();
    expect(container.textContent).toBe('Pack B');
  });

  it('undoes an import once, and says so rightly, when Undo is pressed twice at once', async () => {
    const { hook, db } = await probe();
    await act(() => hook().choose({ name: 'b.json', size: 100, arrayBuffer: async () => bytes('Pack B') }));
    await vi.waitFor(() => expect(hook().state.step).toBe('preview'));
    await act(() => hook().confirm({ replaceYours: false }));
    await vi.waitFor(() => expect(hook().state.step).toBe('done'));
    const undo = hook().undo;
    await act(() => Promise.all([undo(), undo()]).then(() => undefined));
    await settle();
    expect(hook().state).toMatchObject({ undone: { removed: 1, deletedAgain: 0, putBack: 0 } });
    expect(await db.cards.get('kyiv')).toBeUndefined();
  });
});
