import {
  BADGE_OFF,
  type BadgeApi,
  TITLE_ON,
  TITLE_PAUSED,
  ToolbarBadge,
  titleSiteOff,
} from '@/lib/background/toolbar-badge';

/** A toolbar button that keeps what it is told, the global values under the key 'all'. */
function recordingButton() {
  const calls: string[] = [];
  const text = new Map<number | 'all', string>();
  const title = new Map<number | 'all', string>();
  const api: BadgeApi = {
    setBadgeText: async (details) => {
      calls.push('text');
      text.set(details.tabId ?? 'all', details.text);
    },
    setTitle: async (details) => {
      calls.push('title');
      title.set(details.tabId ?? 'all', details.title);
    },
    setBadgeBackgroundColor: async () => {
      calls.push('color');
    },
  };
  /** What a tab shows: its own value, or the global one. */
  const shown = (tabId: number) => ({
    text: text.get(tabId) ?? text.get('all') ?? '',
    title: title.get(tabId) ?? title.get('all') ?? TITLE_ON,
  });
  return { api, calls, shown };
}

const on = { paused: false, siteOff: false, host: 'news.example' };

describe('the toolbar badge', () => {
  it('leaves the latest pause shown when a resume comes while the first pause is being written', async () => {
    const button = recordingButton();
    // The colour, written before the first text, takes its time, as a browser call may.
    let colourDone: (() => void) | undefined;
    button.api.setBadgeBackgroundColor = () =>
      new Promise<void>((resolve) => {
        colourDone = resolve;
      });
    const badge = new ToolbarBadge(button.api);
    const paused = badge.showPause(true);
    await vi.waitFor(() => expect(colourDone).toBeDefined());
    const resumed = badge.showPause(false);
    colourDone?.();
    await Promise.all([paused, resumed]);
    expect(button.shown(1)).toEqual({ text: '', title: TITLE_ON });
    // And a later resume is not taken for one already shown.
    await badge.showPause(true);
    expect(button.shown(1)).toEqual({ text: BADGE_OFF, title: TITLE_PAUSED });
  });

  it('lets no pause read before a newer one was shown take the global badge back', async () => {
    const button = recordingButton();
    const badge = new ToolbarBadge(button.api);
    // A page asks for its state while paused; the reader resumes before that answer is in.
    const pageTicket = badge.ticket();
    const resumeTicket = badge.ticket();
    await badge.showPause(false, resumeTicket);
    await badge.showPage(3, { ...on, paused: true }, pageTicket);
    expect(button.shown(9)).toEqual({ text: '', title: TITLE_ON });
    // The page's own badge says what its state said: its next state fixes it.
    expect(button.shown(3)).toEqual({ text: BADGE_OFF, title: TITLE_PAUSED });
    await badge.showPause(true, badge.ticket());
    expect(button.shown(9)).toEqual({ text: BADGE_OFF, title: TITLE_PAUSED });
  });

  it('shows the pause on every tab, tabs that never asked included, and clears it on resume', async () => {
    const button = recordingButton();
    const badge = new ToolbarBadge(button.api);
    await badge.showPause(true);
    expect(button.shown(12)).toEqual({ text: BADGE_OFF, title: TITLE_PAUSED });
    await badge.showPause(false);
    expect(button.shown(12)).toEqual({ text: '', title: TITLE_ON });
  });

  it('shows a switched-off site on its tab only, naming the site', async () => {
    const button = recordingButton();
    const badge = new ToolbarBadge(button.api);
    await badge.showPage(3, { ...on, siteOff: true });
    await badge.showPage(4, on);
    expect(button.shown(3)).toEqual({ text: BADGE_OFF, title: 'Backstory is off on news.example' });
    expect(button.shown(4)).toEqual({ text: '', title: TITLE_ON });
    expect(button.shown(5)).toEqual({ text: '', title: TITLE_ON });
  });

  it('takes a tab’s badge off when its site is switched on again', async () => {
    const button = recordingButton();
    const badge = new ToolbarBadge(button.api);
    await badge.showPage(3, { ...on, siteOff: true });
    await badge.showPage(3, on);
    expect(button.shown(3)).toEqual({ text: '', title: TITLE_ON });
  });

  it('says paused, not site off, on a switched-off site while paused, and sets the pause everywhere', async () => {
    const button = recordingButton();
    const badge = new ToolbarBadge(button.api);
    await badge.showPage(3, { ...on, paused: true, siteOff: true });
    expect(button.shown(3)).toEqual({ text: BADGE_OFF, title: TITLE_PAUSED });
    expect(button.shown(9)).toEqual({ text: BADGE_OFF, title: TITLE_PAUSED });
  });

  it('sets the global badge only when the pause changes, so each page costs two calls', async () => {
    const button = recordingButton();
    const badge = new ToolbarBadge(button.api);
    await badge.showPage(1, on);
    button.calls.length = 0;
    await badge.showPage(2, on);
    await badge.showPause(false);
    expect(button.calls).toEqual(['text', 'title']);
  });

  it('names no host when the page has none', () => {
    expect(titleSiteOff(undefined)).toBe('Backstory is off on this site');
  });

  it('does not reject when the tab closed before its badge was set', async () => {
    const button = recordingButton();
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    button.api.setBadgeText = async () => {
      throw new Error('No tab with id: 3.');
    };
    await expect(new ToolbarBadge(button.api).showPage(3, on)).resolves.toBeUndefined();
    expect(debug).toHaveBeenCalled();
    debug.mockRestore();
  });
});
