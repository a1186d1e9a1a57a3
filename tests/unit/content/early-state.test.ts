import { askEarly, takeEarly } from '@/lib/content/early-state';
import type { PageStateResult } from '@/lib/protocol/messages';
import { DEFAULT_PREFERENCES } from '@/lib/protocol/preferences';

const on: PageStateResult = { enabled: true, preferences: DEFAULT_PREFERENCES };

describe('the early page-state request', () => {
  it('asks at once and hands the same answer to the first read of that address', async () => {
    const holder = {};
    const asked: string[] = [];
    askEarly(
      'https://news.example/a',
      async (url) => {
        asked.push(url);
        return on;
      },
      holder,
    );
    expect(asked).toEqual(['https://news.example/a']);
    await expect(takeEarly('https://news.example/a', holder)).resolves.toBe(on);
  });

  it('is taken once: a later read asks afresh', () => {
    const holder = {};
    askEarly('https://news.example/a', async () => on, holder);
    expect(takeEarly('https://news.example/a', holder)).toBeDefined();
    expect(takeEarly('https://news.example/a', holder)).toBeUndefined();
  });

  it('is not used for another address (a single-page app moved on before it was read)', () => {
    const holder = {};
    askEarly('https://news.example/a', async () => on, holder);
    expect(takeEarly('https://news.example/b', holder)).toBeUndefined();
    // Dropped, not kept for later: the address it was asked for is no longer the page's.
    expect(takeEarly('https://news.example/a', holder)).toBeUndefined();
  });

  it('gives nothing when no early request was made', () => {
    expect(takeEarly('https://news.example/a', {})).toBeUndefined();
  });

  it('passes a failed answer on to its reader, and leaves no unhandled rejection if unread', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const read = {};
      askEarly('https://news.example/a', async () => Promise.reject(new Error('worker gone')), read);
      await expect(takeEarly('https://news.example/a', read)).rejects.toThrow('worker gone');
      askEarly('https://news.example/b', async () => Promise.reject(new Error('never read')), {});
      await new Promise((settle) => setTimeout(settle, 10));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
