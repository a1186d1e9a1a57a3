import { createRequestHandler, requestSender, SCAN_WALK_LIMIT } from '@/lib/background/handlers';
import { MatcherService } from '@/lib/background/matcher-service';
import { syncSeeds } from '@/lib/db/install-pack';
import { PAGE_TIMELINE_KEY, PAUSED_KEY } from '@/lib/db/reader-settings';
import { MENTIONS_PER_SCAN, REQUEST_LIMITS } from '@/lib/protocol/limits';
import { parseRequest } from '@/lib/protocol/parse';
import { DEFAULT_PREFERENCES, PREFERENCES_KEY } from '@/lib/protocol/preferences';
import { freshDb, makeCard, makePack, writeEditedCard } from '../factories';

async function setup() {
  const db = freshDb();
  await syncSeeds(db, [makePack()]);
  return {
    db,
    handle: createRequestHandler({ db, matchers: new MatcherService(db), openManager: async () => {} }),
  };
}

function scan(blocks: string[], url = 'https://news.example/article') {
  return { backstory: 1, method: 'page.scan', params: { url, blocks } };
}

function hideCard(url: string, cardId: string) {
  return { backstory: 1, method: 'site.hideCard', params: { url, cardId } };
}

describe('the page.scan handler', () => {
  it('answers mentions with block offsets, their cards and the cards those link to', async () => {
    const { handle } = await setup();
    const answer = await handle(scan(['Nothing here.', 'Allies said the Founding Act is dead.']));
    expect(answer).toEqual({
      ok: true,
      result: {
        enabled: true,
        mentions: [{ block: 1, start: 16, end: 28, cardIds: ['founding-act'] }],
        cards: { 'founding-act': makePack().cards[1], nato: makePack().cards[0] },
        preferences: DEFAULT_PREFERENCES,
      },
    });
  });

  it('paints nothing on a site the reader switched off', async () => {
    const { db, handle } = await setup();
    await db.sites.put({ host: 'news.example', disabled: true });
    expect(await handle(scan(['Founding Act']))).toEqual({
      ok: true,
      result: { enabled: false, mentions: [], cards: {}, preferences: DEFAULT_PREFERENCES },
    });
    expect(
      (
        (await handle(scan(['Founding Act'], 'https://other.example/'))) as {
          ok: true;
          result: { enabled: boolean };
        }
      ).result.enabled,
    ).toBe(true);
  });

  it('paints nothing anywhere while paused', async () => {
    const { db, handle } = await setup();
    await db.settings.put({ key: PAUSED_KEY, value: true });
    expect(await handle(scan(['Founding Act']))).toMatchObject({ ok: true, result: { enabled: false } });
  });

  it("answers at most MENTIONS_PER_SCAN mentions, the first in the blocks' order, however many the page repeats", async () => {
    const { handle } = await setup();
    const flood = 'Founding Act, '.repeat(MENTIONS_PER_SCAN);
    const answer = await handle(scan(['The Founding Act.', flood, 'Founding Act at the end.']));
    if (!answer.ok) throw new Error(answer.error);
    const { mentions } = answer.result as { mentions: { block: number; start: number }[] };
    expect(mentions).toHaveLength(MENTIONS_PER_SCAN);
    expect(mentions[0]).toMatchObject({ block: 0, start: 4 });
    expect(mentions.at(-1)).toMatchObject({ block: 1, start: (MENTIONS_PER_SCAN - 2) * 14 });
    expect(mentions.some((m) => m.block === 2)).toBe(false);
  });

  it('does not let mentions of a card hidden on the site take the places of the ones shown', async () => {
    const { handle } = await setup();
    const hide = hideCard('https://news.example/', 'founding-act');
    expect(await handle(hide)).toMatchObject({ ok: true, result: { hidden: true } });
    const flood = 'Founding Act, '.repeat(MENTIONS_PER_SCAN);
    const answer = await handle(scan([`${flood}NATO.`, 'NATO again.']));
    expect(answer).toMatchObject({
      ok: true,
      result: {
        mentions: [
          { block: 0, start: flood.length, cardIds: ['nato'] },
          { block: 1, start: 0, cardIds: ['nato'] },
        ],
      },
    });
  });

  it('bounds the work of a page that repeats a hidden term in many blocks, for the whole scan', async () => {
    const db = freshDb();
    await syncSeeds(db, [makePack([makeCard({ id: 'eu', title: 'EU', aliases: [] }), makeCard()])]);
    const matchers = new MatcherService(db);
    let made = 0;
    const counting = {
      current: async () => {
        const matcher = await matchers.current();
        return {
          ...matcher,
          find: (text: string, limit?: number) => {
            const found = matcher.find(text, limit);
            made += found.length;
            return found;
          },
        };
      },
    } as unknown as MatcherService;
    const handle = createRequestHandler({ db, matchers: counting, openManager: async () => {} });
    await handle(hideCard('https://news.example/', 'eu'));
    const blocks = Array.from({ length: 16 }, () => 'EU '.repeat(200_000));
    const answer = await handle(scan([...blocks, 'NATO said.']));
    expect(answer).toMatchObject({ ok: true, result: { enabled: true, mentions: [] } });
    // Before, each block was walked to ten times the scan's limit on its own: 4.8 million.
    expect(made).toBeLessThanOrEqual(SCAN_WALK_LIMIT);
    expect(made).toBeGreaterThan(MENTIONS_PER_SCAN);
  });

  it('sends a related card called "constructor", and says so when it is gone', async () => {
    const db = freshDb();
    await syncSeeds(db, [
      makePack([makeCard({ related: ['constructor'] }), makeCard({ id: 'constructor', title: 'Builder' })]),
    ]);
    const handle = createRequestHandler({
      db,
      matchers: new MatcherService(db),
      openManager: async () => {},
    });
    const first = await handle(scan(['NATO said.']));
    if (!first.ok) throw new Error(first.error);
    expect(Object.keys((first.result as { cards: object }).cards).sort()).toEqual(['constructor', 'nato']);
    await db.cards.delete('constructor');
    const request = {
      backstory: 1,
      method: 'page.scan',
      params: { url: 'https://news.example/article', blocks: ['Markets.'], shown: ['constructor'] },
    };
    expect(await handle(request)).toMatchObject({ ok: true, result: { gone: ['constructor'] } });
  });

  it('answers the cards open on the page that still exist, with the cards they link to, though no block mentions them', async () => {
    const { db, handle } = await setup();
    const request = (shown: string[]) => ({
      backstory: 1,
      method: 'page.scan',
      params: { url: 'https://news.example/article', blocks: ['Markets are closed.'], shown },
    });
    expect(await handle(request(['nato', 'deleted-card']))).toEqual({
      ok: true,
      result: {
        enabled: true,
        mentions: [],
        cards: { nato: makePack().cards[0], 'founding-act': makePack().cards[1] },
        preferences: DEFAULT_PREFERENCES,
        gone: ['deleted-card'],
      },
    });
    // Hidden on the site: gone for the page, though it still comes as the card NATO links to.
    await handle(hideCard('https://news.example/', 'founding-act'));
    const hidden = await handle(request(['nato', 'founding-act']));
    if (!hidden.ok) throw new Error(hidden.error);
    const { cards, gone } = hidden.result as { cards: Record<string, unknown>; gone: string[] };
    expect(Object.keys(cards).sort()).toEqual(['founding-act', 'nato']);
    expect(gone).toEqual(['founding-act']);
    await db.cards.delete('nato');
    const deleted = await handle(request(['nato', 'founding-act']));
    if (!deleted.ok) throw new Error(deleted.error);
    expect(deleted.result).toEqual({
      enabled: true,
      mentions: [],
      cards: {},
      preferences: DEFAULT_PREFERENCES,
      gone: ['nato', 'founding-act'],
    });
  });

  it('sees a card written after the first scan, without a restart', async () => {
    const { db, handle } = await setup();
    await handle(scan(['warm up']));
    await writeEditedCard(db, makeCard({ id: 'hague', title: 'The Hague summit', aliases: [] }));
    const answer = await handle(scan(['Before the Hague summit.']));
    expect(answer).toMatchObject({ ok: true, result: { mentions: [{ block: 0, cardIds: ['hague'] }] } });
  });
});

describe('the page.state handler', () => {
  const state = (url = 'https://news.example/article') => ({
    backstory: 1,
    method: 'page.state',
    params: { url },
  });

  it('says whether to read a page, with the preferences, per site and under the pause', async () => {
    const { db, handle } = await setup();
    expect(await handle(state())).toEqual({
      ok: true,
      result: { enabled: true, preferences: DEFAULT_PREFERENCES },
    });
    await db.sites.put({ host: 'news.example', disabled: true });
    expect(await handle(state())).toMatchObject({ ok: true, result: { enabled: false } });
    expect(await handle(state('https://other.example/'))).toMatchObject({
      ok: true,
      result: { enabled: true },
    });
    await db.settings.put({ key: PAUSED_KEY, value: true });
    expect(await handle(state('https://other.example/'))).toMatchObject({
      ok: true,
      result: { enabled: false },
    });
  });

  it('tells the page to leave its timing on its timeline only when the developers’ switch is on', async () => {
    const { db, handle } = await setup();
    expect(await handle(state())).toEqual({
      ok: true,
      result: { enabled: true, preferences: DEFAULT_PREFERENCES },
    });
    await db.settings.put({ key: PAGE_TIMELINE_KEY, value: true });
    expect(await handle(state())).toEqual({
      ok: true,
      result: { enabled: true, preferences: DEFAULT_PREFERENCES, timeline: true },
    });
    // Only `true` turns it on.
    await db.settings.put({ key: PAGE_TIMELINE_KEY, value: 'yes' });
    expect(await handle(state())).toMatchObject({ ok: true, result: { enabled: true } });
    expect(await handle(state())).not.toHaveProperty('result.timeline');
  });

  it('reads a page whose address is no URL as enabled, and hides nothing there', async () => {
    const { db, handle } = await setup();
    expect(await handle(state('not a url'))).toEqual({
      ok: true,
      result: { enabled: true, preferences: DEFAULT_PREFERENCES },
    });
    const hide = hideCard('not a url', 'nato');
    expect(await handle(hide)).toEqual({ ok: true, result: { hidden: false } });
    expect(await db.sites.count()).toBe(0);
  });

  it('shows the asking tab’s state on its badge: the pause, the site switched off, the host', async () => {
    const db = freshDb();
    const shown: unknown[] = [];
    const handle = createRequestHandler({
      db,
      matchers: new MatcherService(db),
      openManager: async () => {},
      badge: {
        showPage: async (tabId, page) => void shown.push([tabId, page]),
        showPause: async () => {},
        ticket: () => 0,
      },
    });
    await db.sites.put({ host: 'news.example', disabled: true });
    await handle(state(), { tabId: 4 });
    await db.settings.put({ key: PAUSED_KEY, value: true });
    await handle(state('https://other.example/'), { tabId: 5 });
    // The extension's own pages have no tab: nothing to show.
    await handle(state());
    expect(shown).toEqual([
      [4, { paused: false, siteOff: true, host: 'news.example' }],
      [5, { paused: true, siteOff: false, host: 'other.example' }],
    ]);
  });

  it('rejects a request without a URL', async () => {
    const { handle } = await setup();
    expect(await handle({ backstory: 1, method: 'page.state', params: {} })).toEqual({
      ok: false,
      error: 'page.state: params.url must be a URL string',
    });
  });
});

describe('who asks', () => {
  const base = 'chrome-extension://abc/';

  it('takes the page address from a content script, and none from the extension’s own pages', () => {
    expect(requestSender({ tab: { id: 3 }, url: 'https://news.example/a' }, base)).toEqual({
      tabId: 3,
      pageUrl: 'https://news.example/a',
    });
    // The manager open in a tab is the extension's page, not a page being read.
    expect(requestSender({ tab: { id: 4 }, url: `${base}popup.html?view=tab` }, base)).toEqual({ tabId: 4 });
    expect(requestSender({ url: `${base}popup.html` }, base)).toEqual({});
  });

  it('refuses a request about another site than the page it came from, for every method that names one', async () => {
    const { db, handle } = await setup();
    const from = { tabId: 2, pageUrl: 'https://news.example/article' };
    const elsewhere = 'https://other.example/';
    for (const message of [
      { backstory: 1, method: 'page.state', params: { url: elsewhere } },
      scan(['Founding Act'], elsewhere),
      hideCard(elsewhere, 'nato'),
    ]) {
      expect(await handle(message, from)).toEqual({
        ok: false,
        error: `${message.method} refused: it names a page on other.example but came from a page on news.example`,
      });
    }
    expect(await db.sites.count()).toBe(0);
    // The same site, at another address of it (a single-page app's new URL), is answered.
    expect(await handle(scan(['Founding Act'], 'https://news.example/next'), from)).toMatchObject({
      ok: true,
      result: { enabled: true, mentions: [{ cardIds: ['founding-act'] }] },
    });
  });
});

describe('site and manager requests', () => {
  it('hides a card on one site only', async () => {
    const { handle } = await setup();
    const hide = hideCard('https://news.example/a', 'founding-act');
    expect(await handle(hide)).toEqual({ ok: true, result: { hidden: true } });
    expect(await handle(scan(['Founding Act']))).toMatchObject({ ok: true, result: { mentions: [] } });
    expect(await handle(scan(['Founding Act'], 'https://other.example/'))).toMatchObject({
      ok: true,
      result: { mentions: [{ cardIds: ['founding-act'] }] },
    });
  });

  it('has the other tabs on the site read again, not the tab that asked, and none when nothing was stored', async () => {
    const db = freshDb();
    await syncSeeds(db, [makePack()]);
    const told: [string, number | undefined][] = [];
    const handle = createRequestHandler({
      db,
      matchers: new MatcherService(db),
      openManager: async () => {},
      refreshSite: async (host, except) => {
        told.push([host, except]);
      },
    });
    await handle(hideCard('https://news.example/a', 'founding-act'), {
      tabId: 4,
      pageUrl: 'https://news.example/a',
    });
    expect(told).toEqual([['news.example', 4]]);
    await handle(hideCard('not a url', 'nato'));
    expect(told).toHaveLength(1);
  });

  it('answers the hide even when telling the other tabs fails', async () => {
    const db = freshDb();
    await syncSeeds(db, [makePack()]);
    const handle = createRequestHandler({
      db,
      matchers: new MatcherService(db),
      openManager: async () => {},
      refreshSite: async () => {
        throw new Error('tabs unavailable');
      },
    });
    expect(await handle(hideCard('https://news.example/a', 'nato'))).toEqual({
      ok: true,
      result: { hidden: true },
    });
  });

  it('keeps the cards already hidden on a site, and its switch, when hiding another', async () => {
    const { db, handle } = await setup();
    await db.sites.put({ host: 'news.example', disabled: true, hiddenCards: ['nato'] });
    const hide = hideCard('https://news.example/a', 'founding-act');
    await handle(hide);
    expect(await db.sites.get('news.example')).toEqual({
      host: 'news.example',
      disabled: true,
      hiddenCards: ['nato', 'founding-act'],
    });
  });

  it('sends no card hidden on the site, even when its term is another card’s too', async () => {
    const { db, handle } = await setup();
    await writeEditedCard(db, makeCard({ id: 'nato-2', title: 'NATO', aliases: [], related: [] }));
    await db.sites.put({ host: 'news.example', disabled: false, hiddenCards: ['nato-2'] });
    const answer = await handle(scan(['NATO']));
    expect(answer).toMatchObject({ ok: true, result: { mentions: [{ cardIds: ['nato'] }] } });
    const { cards } = (answer as { ok: true; result: { cards: Record<string, unknown> } }).result;
    expect(Object.keys(cards).sort()).toEqual(['founding-act', 'nato']);
  });

  it('answers a failing request with the method and the reason', async () => {
    const db = freshDb();
    const broken = {
      compile: () => {
        throw new Error('no memory');
      },
      serialize: () => new Uint8Array(),
      load: () => {
        throw new Error('unused');
      },
    };
    const handle = createRequestHandler({
      db,
      matchers: new MatcherService(db, broken),
      openManager: async () => {},
    });
    expect(await handle(scan(['NATO']))).toEqual({ ok: false, error: 'page.scan failed: no memory' });
  });

  it('sends the stored preferences with each scan, repairing bad values', async () => {
    const { db, handle } = await setup();
    await db.settings.put({
      key: PREFERENCES_KEY,
      value: { hoverDelayMs: -5, density: 'first', theme: 'dark' },
    });
    expect(await handle(scan(['x']))).toMatchObject({
      ok: true,
      result: { preferences: { ...DEFAULT_PREFERENCES, density: 'first', theme: 'dark' } },
    });
  });

  it('shows the stored pause on the toolbar when told that settings changed', async () => {
    const db = freshDb();
    const pauses: boolean[] = [];
    const handle = createRequestHandler({
      db,
      matchers: new MatcherService(db),
      openManager: async () => {},
      badge: {
        showPage: async () => {},
        showPause: async (paused) => void pauses.push(paused),
        ticket: () => 0,
      },
    });
    const changed = { backstory: 1, method: 'settings.changed', params: {} };
    expect(await handle(changed)).toEqual({ ok: true, result: { paused: false } });
    await db.settings.put({ key: PAUSED_KEY, value: true });
    expect(await handle(changed)).toEqual({ ok: true, result: { paused: true } });
    expect(pauses).toEqual([false, true]);
  });

  it('opens the manager at the requested card', async () => {
    const db = freshDb();
    const opened: (string | undefined)[] = [];
    const handle = createRequestHandler({
      db,
      matchers: new MatcherService(db),
      openManager: async (id) => {
        opened.push(id);
      },
    });
    const replies = [
      await handle({ backstory: 1, method: 'manager.open', params: { cardId: 'nato' } }),
      await handle({ backstory: 1, method: 'manager.open', params: {} }),
    ];
    expect(opened).toEqual(['nato', undefined]);
    expect(replies).toEqual([
      { ok: true, result: { opened: true } },
      { ok: true, result: { opened: true } },
    ]);
  });
});

describe('request validation', () => {
  it.each([
    ['not an object', 'hello', 'not a Backstory request'],
    [
      'another protocol version',
      { backstory: 2, method: 'page.scan', params: {} },
      'not a Backstory request',
    ],
    ['an unknown method', { backstory: 1, method: 'db.drop', params: {} }, 'unknown method "db.drop"'],
    [
      'an inherited method name',
      { backstory: 1, method: 'toString', params: {} },
      'unknown method "toString"',
    ],
    [
      'params that are not an object',
      { backstory: 1, method: 'page.scan', params: [] },
      'page.scan: params must be an object',
    ],
    [
      'a missing url',
      { backstory: 1, method: 'page.scan', params: { blocks: [] } },
      'page.scan: params.url must be a URL string',
    ],
    [
      'blocks that are not text',
      { backstory: 1, method: 'page.scan', params: { url: 'https://a.example/', blocks: ['ok', 7] } },
      'page.scan: params.blocks[1] must be a string',
    ],
    [
      'open cards that are not a list',
      { backstory: 1, method: 'page.scan', params: { url: 'https://a.example/', blocks: [], shown: 'nato' } },
      `page.scan: params.shown must be a list of at most ${REQUEST_LIMITS.shownCards} card ids`,
    ],
    [
      'more open cards than one card can offer',
      {
        backstory: 1,
        method: 'page.scan',
        params: {
          url: 'https://a.example/',
          blocks: [],
          shown: Array(REQUEST_LIMITS.shownCards + 1).fill('nato'),
        },
      },
      `page.scan: params.shown must be a list of at most ${REQUEST_LIMITS.shownCards} card ids`,
    ],
    [
      'an open card id that is not text',
      {
        backstory: 1,
        method: 'page.scan',
        params: { url: 'https://a.example/', blocks: [], shown: ['nato', 7] },
      },
      'page.scan: params.shown[1] must be a card id',
    ],
    [
      'a card id that is not text',
      { backstory: 1, method: 'site.hideCard', params: { url: 'https://a.example/', cardId: 7 } },
      'site.hideCard: params.cardId must be a card id',
    ],
    [
      'a card id longer than any card id',
      {
        backstory: 1,
        method: 'site.hideCard',
        params: { url: 'https://a.example/', cardId: 'x'.repeat(129) },
      },
      'site.hideCard: params.cardId must be a card id',
    ],
    [
      'a card id no card can have, to be stored with the site',
      {
        backstory: 1,
        method: 'site.hideCard',
        params: { url: 'https://a.example/', cardId: 'Not An Id!' },
      },
      'site.hideCard: params.cardId must be a card id',
    ],
  ])('rejects %s with a clear error', async (_name, message, error) => {
    const { handle } = await setup();
    expect(await handle(message)).toEqual({ ok: false, error });
  });

  it('rejects more blocks than a page can reasonably hold, and takes as many as that', async () => {
    const { handle } = await setup();
    const blocks = Array.from({ length: REQUEST_LIMITS.blocks + 1 }, () => '');
    expect(await handle(scan(blocks))).toEqual({
      ok: false,
      error: 'page.scan: params.blocks has more than 200000 blocks',
    });
    expect(parseRequest(scan(blocks.slice(1))).ok).toBe(true);
  });

  it('takes a URL as long as the limit and refuses a longer one, in every request that carries one', () => {
    const url = (length: number) => `https://a.example/${'x'.repeat(length - 18)}`;
    const requests = (u: string) => [
      { backstory: 1, method: 'page.state', params: { url: u } },
      scan(['x'], u),
      hideCard(u, 'nato'),
    ];
    for (const message of requests(url(REQUEST_LIMITS.urlLength)))
      expect(parseRequest(message).ok).toBe(true);
    for (const message of requests(url(REQUEST_LIMITS.urlLength + 1))) {
      expect(parseRequest(message)).toEqual({
        ok: false,
        error: `${message.method}: params.url must be a URL string`,
      });
    }
  });

  it('rejects blocks that are not a list, without throwing', () => {
    for (const blocks of [undefined, 'text', { length: 1 }]) {
      expect(
        parseRequest({ backstory: 1, method: 'page.scan', params: { url: 'https://a.example/', blocks } }),
      ).toEqual({
        ok: false,
        error: 'page.scan: params.blocks must be a list of strings',
      });
    }
  });

  it('takes exactly as much text as the limit', () => {
    const blocks = Array.from({ length: 10 }, () => 'x'.repeat(REQUEST_LIMITS.textChars / 10));
    expect(parseRequest(scan(blocks)).ok).toBe(true);
  });

  it('checks the card id of a manager request when there is one', () => {
    const open = (params: object) => parseRequest({ backstory: 1, method: 'manager.open', params });
    const refused = { ok: false, error: 'manager.open: params.cardId must be a card id' };
    expect(open({ cardId: 7 })).toEqual(refused);
    expect(open({ cardId: null })).toEqual(refused);
    expect(open({ cardId: 'x'.repeat(201) })).toEqual(refused);
    expect(open({ cardId: 'x'.repeat(200) }).ok).toBe(true);
  });

  it('passes on only the fields a method declares', () => {
    const extra = { secret: 'page text' };
    const parsed = [
      parseRequest({ backstory: 1, method: 'settings.changed', params: extra }),
      parseRequest({
        backstory: 1,
        method: 'page.scan',
        params: { url: 'https://a.example/', blocks: [], ...extra },
      }),
      parseRequest({ backstory: 1, method: 'manager.open', params: extra }),
    ];
    expect(parsed.map((p) => p.ok && p.request.params)).toStrictEqual([
      {},
      { url: 'https://a.example/', blocks: [] },
      {},
    ]);
  });

  it('rejects more text than a page can reasonably hold', async () => {
    const { handle } = await setup();
    const blocks = Array.from({ length: 11 }, () => 'x'.repeat(1_000_000));
    expect(await handle(scan(blocks))).toEqual({
      ok: false,
      error: 'page.scan: params.blocks hold more than 10000000 characters',
    });
  });
});
