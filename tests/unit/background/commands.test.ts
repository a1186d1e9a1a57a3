import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type CommandListener, relayCommands } from '@/lib/background/commands';
import { COMMANDS } from '@/lib/protocol/commands';
import { PROTOCOL_VERSION } from '@/lib/protocol/messages';

type QueriedTabs = Awaited<ReturnType<typeof fakeBrowser.tabs.query>>;

/** Relays commands into a recorder; `press` runs the listener as the browser would. */
function relay(answer: (tabId: number) => unknown = () => ({ ok: true, result: {} })) {
  const listeners: CommandListener[] = [];
  const sent: [number, unknown][] = [];
  relayCommands({ addListener: (listener) => listeners.push(listener) }, async (tabId, message) => {
    sent.push([tabId, message]);
    return answer(tabId);
  });
  expect(listeners).toHaveLength(1);
  const [listener] = listeners as [CommandListener];
  const press = (command: string, tab?: { id?: number }) => listener(command, tab);
  return { press, sent };
}

const navigate = (direction: string) => ({
  backstory: PROTOCOL_VERSION,
  method: 'tab.navigate',
  params: { direction },
});

describe('relaying the keyboard commands', () => {
  afterEach(() => vi.restoreAllMocks());

  it('sends the next and the previous command to the tab the browser names, tab 0 too', async () => {
    const query = vi.spyOn(fakeBrowser.tabs, 'query');
    const { press, sent } = relay();
    await press(COMMANDS.next, { id: 4 });
    await press(COMMANDS.previous, { id: 0 });
    expect(sent).toEqual([
      [4, navigate('next')],
      [0, navigate('previous')],
    ]);
    expect(query).not.toHaveBeenCalled();
  });

  it('asks for the active tab of the current window when the browser names none', async () => {
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 12 }] as QueriedTabs);
    const { press, sent } = relay();
    await press(COMMANDS.next, {});
    await press(COMMANDS.previous);
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(sent).toEqual([
      [12, navigate('next')],
      [12, navigate('previous')],
    ]);
  });

  it('sends nothing for another command, or when there is no active tab', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([] as unknown as QueriedTabs);
    const { press, sent } = relay();
    await press('_execute_action', { id: 4 });
    await press(COMMANDS.next);
    expect(sent).toEqual([]);
  });

  it('settles quietly when the tab has no Backstory to answer (a browser page, the store)', async () => {
    const { press, sent } = relay((tabId) => {
      if (tabId === 3) throw new Error('Could not establish connection. Receiving end does not exist.');
      return { ok: false, error: 'no mention on this page' };
    });
    await expect(press(COMMANDS.next, { id: 3 })).resolves.toBeUndefined();
    await expect(press(COMMANDS.next, { id: 5 })).resolves.toBeUndefined();
    expect(sent.map(([tabId]) => tabId)).toEqual([3, 5]);
  });
});
