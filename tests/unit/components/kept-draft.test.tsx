// @vitest-environment happy-dom
import { emptyDraft } from '@/components/editor/draft';
import { Manager } from '@/components/manager/Manager';
import { keepDraft, readKeptDrafts } from '@/lib/db/editor-draft';
import type { BackstoryDB } from '@/lib/db/schema';
import { freshDb } from '../factories';
import { fakeEnv } from './fake-env';
import { axeViolations, button, click, field, mount, press, typeInto } from './harness';

/** The draft kept last, whichever card it is for. */
const latestDraft = async (db: BackstoryDB) => (await readKeptDrafts(db))[0];

async function render(kept?: { title: string; summary: string }) {
  const db = freshDb();
  if (kept) {
    await keepDraft(db, 'new:earlier', { title: kept.title, draft: { ...emptyDraft(), ...kept }, kept: 1 });
  }
  const mounted = await mount(<Manager db={db} env={fakeEnv().env} view="popup" />);
  await vi.waitFor(() => expect(mounted.container.textContent).toContain('0 cards'));
  if (kept) await vi.waitFor(() => expect(mounted.container.textContent).toContain('were kept'));
  return { ...mounted, db };
}

describe('unsaved changes survive the popup closing', () => {
  it('keeps the draft a moment after the reader types', async () => {
    const { container, db } = await render();
    await click(button(container, 'New card'));
    await vi.waitFor(() => field(container, 'Title'));
    await typeInto(field(container, 'Title'), 'Half-written');
    await vi.waitFor(async () => expect((await latestDraft(db))?.title).toBe('Half-written'), {
      timeout: 2000,
    });
  });

  it('keeps the draft when the page goes away before its timer has run', async () => {
    const { container, db } = await render();
    await click(button(container, 'New card'));
    await vi.waitFor(() => field(container, 'Title'));
    // Timers stop here: only the page going away can keep what is typed next.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      await typeInto(field(container, 'Title'), 'Typed as the popup closed');
      expect((await latestDraft(db))?.title).toBeUndefined();
      dispatchEvent(new Event('pagehide'));
      let kept: string | undefined;
      for (let turn = 0; turn < 50 && kept === undefined; turn++) {
        await new Promise((next) => setImmediate(next));
        kept = (await latestDraft(db))?.title;
      }
      expect(kept).toBe('Typed as the popup closed');
    } finally {
      vi.useRealTimers();
    }
  });

  it('offers the kept draft back and continues from it', async () => {
    const { container } = await render({ title: 'Half-written', summary: 'So far.' });
    expect(container.textContent).toContain('Your unsaved changes to “Half-written” were kept.');
    await click(button(container, 'Continue editing'));
    await vi.waitFor(() => expect(field(container, 'Summary').value).toBe('So far.'));
  });

  it('continues the draft on the cards panel when offered on another', async () => {
    const { container } = await render({ title: 'Half-written', summary: 'So far.' });
    await click(button(container, 'Settings'));
    await click(button(container, 'Continue editing'));
    await vi.waitFor(() => expect(field(container, 'Summary').value).toBe('So far.'));
    expect(field(container, 'Summary').closest('[hidden]')).toBeNull();
    expect(button(container, 'Cards').getAttribute('aria-selected')).toBe('true');
  });

  it('leaves the editor alone at an Escape pressed on another panel', async () => {
    const { container } = await render();
    await click(button(container, 'New card'));
    await vi.waitFor(() => field(container, 'Title'));
    await typeInto(field(container, 'Title'), 'Half-written');
    await click(button(container, 'Settings'));
    await press(button(container, 'Settings'), 'Escape');
    expect(container.textContent).not.toContain('Discard your changes?');
    await click(button(container, 'Cards'));
    expect(field(container, 'Title').value).toBe('Half-written');
  });

  it('forgets the kept draft when the reader discards it', async () => {
    const { container, db } = await render({ title: 'Half-written', summary: '' });
    await click(button(container, 'Discard them'));
    await vi.waitFor(async () => expect(await latestDraft(db)).toBeUndefined());
    expect(container.textContent).not.toContain('were kept');
  });

  it('passes an accessibility check while offering the draft', async () => {
    const { container } = await render({ title: 'Half-written', summary: '' });
    expect(await axeViolations(container)).toEqual([]);
  });
});
