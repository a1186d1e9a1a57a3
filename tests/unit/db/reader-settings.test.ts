import { pageState } from '@/lib/background/site-state';
import {
  DRAFT_KEY,
  draftSlot,
  dropDraft,
  keepDraft,
  readKeptDraft,
  readKeptDrafts,
} from '@/lib/db/editor-draft';
import {
  changePreferences,
  hideCardOnSite,
  PAUSED_KEY,
  savePreferences,
  setPaused,
  setSiteDisabled,
  showCardOnSite,
} from '@/lib/db/reader-settings';
import { markUsed, RECENT_KEY, RECENT_LIMIT, readRecent } from '@/lib/db/recent-cards';
import {
  DEFAULT_PREFERENCES,
  PREFERENCES_KEY,
  readPreferences,
  samePreferences,
} from '@/lib/protocol/preferences';
import { freshDb } from '../factories';

describe('reader settings', () => {
  it('pauses and resumes everywhere', async () => {
    const db = freshDb();
    await setPaused(db, true);
    expect((await db.settings.get(PAUSED_KEY))?.value).toBe(true);
    expect((await pageState(db, 'https://a.example/')).enabled).toBe(false);
    await setPaused(db, false);
    expect((await pageState(db, 'https://a.example/')).enabled).toBe(true);
  });

  it('pauses only on a stored true: a pause record of another type leaves Backstory on', async () => {
    const db = freshDb();
    for (const value of ['yes', 1, {}, null]) {
      await db.settings.put({ key: PAUSED_KEY, value });
      expect((await pageState(db, 'https://a.example/')).enabled, String(value)).toBe(true);
    }
  });

  it('switches a site off and on, keeping the cards hidden there', async () => {
    const db = freshDb();
    await db.sites.put({ host: 'a.example', disabled: false, hiddenCards: ['nato'] });
    await setSiteDisabled(db, 'a.example', true);
    expect((await pageState(db, 'https://a.example/x')).enabled).toBe(false);
    expect((await pageState(db, 'https://b.example/x')).enabled).toBe(true);
    await setSiteDisabled(db, 'a.example', false);
    expect(await db.sites.get('a.example')).toEqual({
      host: 'a.example',
      disabled: false,
      hiddenCards: ['nato'],
    });
  });

  it('marks a hidden card on its site again, keeping the site’s switch and other hidden cards', async () => {
    const db = freshDb();
    await hideCardOnSite(db, 'https://a.example/x', 'nato');
    await hideCardOnSite(db, 'https://a.example/y', 'kyiv');
    await hideCardOnSite(db, 'https://b.example/', 'nato');
    await setSiteDisabled(db, 'a.example', true);
    await showCardOnSite(db, 'a.example', 'nato');
    expect(await db.sites.get('a.example')).toEqual({
      host: 'a.example',
      disabled: true,
      hiddenCards: ['kyiv'],
    });
    expect([...(await pageState(db, 'https://b.example/')).hiddenCards]).toEqual(['nato']);
  });

  it('leaves a site alone when the card to mark again is not hidden there', async () => {
    const db = freshDb();
    await showCardOnSite(db, 'a.example', 'nato');
    expect(await db.sites.get('a.example')).toBeUndefined();
  });

  it('keeps both of two changes made at once to different preferences', async () => {
    const db = freshDb();
    await Promise.all([
      changePreferences(db, { density: 'first' }),
      changePreferences(db, { theme: 'dark' }),
    ]);
    expect((await db.settings.get(PREFERENCES_KEY))?.value).toEqual({
      ...DEFAULT_PREFERENCES,
      density: 'first',
      theme: 'dark',
    });
  });

  it('stores preferences repaired', async () => {
    const db = freshDb();
    const saved = await savePreferences(db, { ...DEFAULT_PREFERENCES, hoverDelayMs: -5, theme: 'dark' });
    expect(saved).toEqual({ ...DEFAULT_PREFERENCES, theme: 'dark' });
    expect((await db.settings.get(PREFERENCES_KEY))?.value).toEqual(saved);
  });
});

describe('reading stored preferences', () => {
  it('keeps a hover delay from 0 to 5000 ms and repairs one outside', () => {
    const delay = (hoverDelayMs: unknown) => readPreferences({ hoverDelayMs }).hoverDelayMs;
    expect([0, 5000, 1234.5].map(delay)).toEqual([0, 5000, 1234.5]);
    expect([-1, 5001, Number.NaN, Number.POSITIVE_INFINITY, '300'].map(delay)).toEqual(
      Array(5).fill(DEFAULT_PREFERENCES.hoverDelayMs),
    );
  });

  it('keeps every known modifier and theme and repairs unknown ones', () => {
    for (const modifier of ['none', 'alt', 'shift', 'ctrl', 'meta'] as const) {
      expect(readPreferences({ modifier }).modifier).toBe(modifier);
    }
    expect(readPreferences({ modifier: 'hyper' }).modifier).toBe('none');
    expect(['light', 'dark', 'auto', 'sepia'].map((theme) => readPreferences({ theme }).theme)).toEqual([
      'light',
      'dark',
      'auto',
      'auto',
    ]);
  });

  it('tells preferences that differ in one field apart', () => {
    expect(samePreferences(DEFAULT_PREFERENCES, { ...DEFAULT_PREFERENCES })).toBe(true);
    expect(samePreferences(DEFAULT_PREFERENCES, { ...DEFAULT_PREFERENCES, theme: 'dark' })).toBe(false);
  });
});

describe('recently used cards', () => {
  it('puts the last used card first, once', async () => {
    const db = freshDb();
    for (const id of ['a', 'b', 'a']) await markUsed(db, id);
    expect(readRecent((await db.settings.get(RECENT_KEY))?.value)).toEqual(['a', 'b']);
  });

  it('remembers a bounded number of cards', async () => {
    const db = freshDb();
    for (let i = 0; i <= RECENT_LIMIT; i++) await markUsed(db, `c${i}`);
    const recent = readRecent((await db.settings.get(RECENT_KEY))?.value);
    expect(recent).toHaveLength(RECENT_LIMIT);
    expect(recent[0]).toBe(`c${RECENT_LIMIT}`);
  });

  it('reads a corrupt record as no recent cards', () => {
    expect(readRecent('nato')).toEqual([]);
    expect(readRecent(['a', 3, null])).toEqual(['a']);
  });
});

describe('the kept editor drafts', () => {
  it('reads a kept draft back, and one missing its draft or its time as none', async () => {
    const db = freshDb();
    const kept = { cardId: 'nato', title: 'NATO', draft: { title: 'NATO' }, kept: 5 };
    await keepDraft(db, draftSlot('nato'), kept);
    expect(await readKeptDraft(db, draftSlot('nato'))).toEqual(kept);
    for (const broken of [
      { ...kept, draft: undefined },
      { ...kept, kept: '5' },
    ]) {
      await db.settings.put({ key: `${DRAFT_KEY}:card:nato`, value: broken });
      expect(await readKeptDraft(db, draftSlot('nato'))).toBeUndefined();
    }
  });

  it('keeps one draft per card and per new card, the latest first, and drops one alone', async () => {
    const db = freshDb();
    const first = draftSlot(undefined);
    const second = draftSlot(undefined);
    expect(first).not.toBe(second);
    await keepDraft(db, draftSlot('nato'), { cardId: 'nato', title: 'NATO', draft: {}, kept: 1 });
    await keepDraft(db, first, { title: 'New one', draft: {}, kept: 3 });
    await keepDraft(db, second, { title: 'New two', draft: {}, kept: 2 });
    expect((await readKeptDrafts(db)).map((draft) => [draft.title, draft.slot])).toEqual([
      ['New one', first],
      ['New two', second],
      ['NATO', 'card:nato'],
    ]);
    await dropDraft(db, first);
    expect((await readKeptDrafts(db)).map((draft) => draft.title)).toEqual(['New two', 'NATO']);
  });

  it('still reads, and drops, the one draft an older Backstory kept', async () => {
    const db = freshDb();
    await db.settings.put({ key: DRAFT_KEY, value: { cardId: 'kyiv', title: 'Kyiv', draft: {}, kept: 4 } });
    expect(await readKeptDrafts(db)).toEqual([
      { cardId: 'kyiv', title: 'Kyiv', draft: {}, kept: 4, slot: 'card:kyiv' },
    ]);
    expect(await readKeptDraft(db, draftSlot('kyiv'))).toMatchObject({ title: 'Kyiv' });
    await dropDraft(db, draftSlot('nato'));
    expect(await readKeptDrafts(db)).toHaveLength(1);
    await dropDraft(db, draftSlot('kyiv'));
    expect(await readKeptDrafts(db)).toEqual([]);
  });
});
