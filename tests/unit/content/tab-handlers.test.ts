// @vitest-environment happy-dom
import { MentionStore } from '@/lib/content/mention-store';
import { createTabHandler, pageCards } from '@/lib/content/tab-handlers';
import { DEFAULT_PREFERENCES } from '@/lib/protocol/preferences';
import { makeCard } from '../factories';

function storeWith(ids: string[][]): MentionStore {
  const store = new MentionStore();
  const mentions = ids.map((cardIds) => ({ range: document.createRange(), cardIds }));
  store.set(
    mentions,
    { nato: makeCard(), kyiv: makeCard({ id: 'kyiv', title: 'Kyiv' }) },
    DEFAULT_PREFERENCES,
  );
  return store;
}

describe('tab requests', () => {
  it('lists the cards on the page in order of first mention, with counts', () => {
    expect(pageCards(storeWith([['kyiv'], ['nato'], ['kyiv']]))).toEqual([
      { id: 'kyiv', title: 'Kyiv', count: 2 },
      { id: 'nato', title: 'NATO', count: 1 },
    ]);
  });

  it('answers a refresh with the number of mentions painted', async () => {
    const handle = createTabHandler({ store: new MentionStore(), refresh: async () => 7 });
    expect(await handle({ backstory: 1, method: 'tab.refresh', params: {} })).toEqual({
      ok: true,
      result: { painted: 7 },
    });
  });

  it('reads the page again for a refresh about its own site only', async () => {
    let refreshed = 0;
    const handle = createTabHandler({
      store: storeWith([['nato'], ['kyiv']]),
      refresh: async () => {
        refreshed += 1;
        return 1;
      },
      host: () => 'news.example',
    });
    const about = (host: unknown) => handle({ backstory: 1, method: 'tab.refresh', params: { host } });
    expect(await about('other.example')).toEqual({ ok: true, result: { painted: 2 } });
    expect(refreshed).toBe(0);
    expect(await about('news.example')).toEqual({ ok: true, result: { painted: 1 } });
    expect(refreshed).toBe(1);
    expect(await about(7)).toEqual({ ok: false, error: 'tab.refresh: params.host must be a string' });
    expect(refreshed).toBe(1);
  });

  it('leaves messages that are not tab requests to other listeners', () => {
    const handle = createTabHandler({ store: new MentionStore(), refresh: async () => 0 });
    expect(handle({ backstory: 1, method: 'page.scan', params: {} })).toBeUndefined();
    expect(handle('ping')).toBeUndefined();
  });

  it('leaves messages of another protocol version, inherited method names and non-objects alone', () => {
    const handle = createTabHandler({ store: new MentionStore(), refresh: async () => 0 });
    for (const message of [
      { backstory: 2, method: 'tab.refresh', params: {} },
      { method: 'tab.refresh', params: {} },
      { backstory: 1, method: 'toString', params: {} },
      'tab.refresh',
      undefined,
      () => {},
    ]) {
      expect(handle(message)).toBeUndefined();
    }
  });

  it('asks for a card id that is text before revealing', async () => {
    const revealed: string[] = [];
    const handle = createTabHandler({
      store: new MentionStore(),
      refresh: async () => 0,
      reveal: (cardId) => revealed.push(cardId) > 0,
    });
    for (const params of [{ cardId: 7 }, {}, null]) {
      expect(await handle({ backstory: 1, method: 'tab.reveal', params })).toEqual({
        ok: false,
        error: 'tab.reveal: params.cardId must be a string',
      });
    }
    expect(await handle({ backstory: 1, method: 'tab.reveal', params: { cardId: 'nato' } })).toEqual({
      ok: true,
      result: { found: true },
    });
    expect(revealed).toEqual(['nato']);
  });

  it('rejects a malformed request with a clear error', async () => {
    const handle = createTabHandler({ store: new MentionStore(), refresh: async () => 0 });
    expect(await handle({ backstory: 1, method: 'tab.navigate', params: { direction: 'up' } })).toEqual({
      ok: false,
      error: 'tab.navigate: params.direction must be "next" or "previous"',
    });
  });
});
