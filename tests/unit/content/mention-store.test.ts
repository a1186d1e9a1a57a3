import { MentionStore } from '@/lib/content/mention-store';
import { DEFAULT_PREFERENCES } from '@/lib/protocol/preferences';

describe('the store of painted mentions', () => {
  it('tells each listener of every change until its signal aborts', () => {
    const store = new MentionStore();
    const stays = new AbortController();
    const leaves = new AbortController();
    const heard: string[] = [];
    store.subscribe(() => heard.push('stays'), stays.signal);
    store.subscribe(() => heard.push('leaves'), leaves.signal);
    store.set([], {}, DEFAULT_PREFERENCES);
    leaves.abort();
    store.set([], {}, { ...DEFAULT_PREFERENCES, density: 'first' });
    expect(heard).toEqual(['stays', 'leaves', 'stays']);
    expect(store.preferences.density).toBe('first');
  });
});
