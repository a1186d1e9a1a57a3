import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PROTOCOL_VERSION } from '@/lib/protocol/messages';
import { requestWith } from '@/lib/protocol/request';
import { refreshAllTabs, refreshSiteTabs, requestTab } from '@/lib/protocol/tab-client';

describe('a typed request', () => {
  it('sends the envelope and resolves with the result', async () => {
    const sent: unknown[] = [];
    const send = async (message: unknown) => {
      sent.push(message);
      return { ok: true, result: { paused: false } };
    };
    await expect(requestWith(send, 'settings.changed', {})).resolves.toEqual({ paused: false });
    expect(sent).toEqual([{ backstory: PROTOCOL_VERSION, method: 'settings.changed', params: {} }]);
  });

  it("rejects with the background's error, or when nothing answered", async () => {
    await expect(
      requestWith(async () => ({ ok: false, error: 'no such card' }), 'settings.changed', {}),
    ).rejects.toThrow('no such card');
    await expect(requestWith(async () => undefined, 'settings.changed', {})).rejects.toThrow(
      'did not answer settings.changed',
    );
    await expect(requestWith(async () => null, 'settings.changed', {})).rejects.toThrow(
      'did not answer settings.changed',
    );
  });
});

describe('a typed request to a tab', () => {
  it('sends the envelope to that tab and resolves with the result', async () => {
    const sent: unknown[] = [];
    const send = async (tabId: number, message: unknown) => {
      sent.push([tabId, message]);
      return { ok: true, result: { found: true } };
    };
    await expect(requestTab(7, 'tab.reveal', { cardId: 'nato' }, send)).resolves.toEqual({ found: true });
    expect(sent).toEqual([
      [7, { backstory: PROTOCOL_VERSION, method: 'tab.reveal', params: { cardId: 'nato' } }],
    ]);
  });

  it("rejects with the page's error, or when the page has no Backstory to answer", async () => {
    await expect(
      requestTab(7, 'tab.refresh', {}, async () => ({ ok: false, error: 'tab.refresh failed: gone' })),
    ).rejects.toThrow('tab.refresh failed: gone');
    await expect(requestTab(7, 'tab.refresh', {}, async () => undefined)).rejects.toThrow(
      'The page did not answer tab.refresh',
    );
  });
});

describe('refreshing every tab', () => {
  afterEach(() => vi.restoreAllMocks());

  it('asks every tab with an id to refresh, tab 0 too, and is not stopped by a tab without Backstory', async () => {
    // A tab with no id (a devtools window) cannot be sent to.
    const tabs = [{ id: 0 }, { id: undefined }, { id: 7 }, { id: 9 }];
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue(
      tabs as Awaited<ReturnType<typeof fakeBrowser.tabs.query>>,
    );
    const asked: [number, unknown][] = [];
    await refreshAllTabs(
      async (tabId, message) => {
        asked.push([tabId, message]);
        if (tabId === 7) throw new Error('no Backstory in this tab');
        return { ok: true, result: {} };
      },
      async () => undefined,
    );
    const refresh = { backstory: PROTOCOL_VERSION, method: 'tab.refresh', params: {} };
    expect(asked).toEqual([
      [0, refresh],
      [7, refresh],
      [9, refresh],
    ]);
  });

  it('tells the background too, so the pause shows on tabs without Backstory, even when no tab answers', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 1 }] as Awaited<
      ReturnType<typeof fakeBrowser.tabs.query>
    >);
    let told = 0;
    await refreshAllTabs(
      async () => {
        throw new Error('no Backstory in this tab');
      },
      async () => {
        told += 1;
      },
    );
    expect(told).toBe(1);
  });
});

describe('refreshing the tabs of one site', () => {
  afterEach(() => vi.restoreAllMocks());

  it('asks every other tab to read itself again if it shows that site, and is not stopped by a tab without Backstory', async () => {
    const tabs = [{ id: 3 }, { id: undefined }, { id: 4 }, { id: 5 }];
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue(
      tabs as Awaited<ReturnType<typeof fakeBrowser.tabs.query>>,
    );
    const asked: [number, unknown][] = [];
    await refreshSiteTabs('news.example', 4, async (tabId, message) => {
      asked.push([tabId, message]);
      if (tabId === 3) throw new Error('no Backstory in this tab');
      return { ok: true, result: { painted: 0 } };
    });
    const refresh = { backstory: PROTOCOL_VERSION, method: 'tab.refresh', params: { host: 'news.example' } };
    expect(asked).toEqual([
      [3, refresh],
      [5, refresh],
    ]);
  });
});
