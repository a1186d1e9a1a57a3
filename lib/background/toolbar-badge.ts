import { browser } from 'wxt/browser';

/** The part of the toolbar button's API the badge uses. */
export interface BadgeApi {
  setBadgeText(details: { text: string; tabId?: number }): Promise<void>;
  setTitle(details: { title: string; tabId?: number }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
}

/** Why Backstory is not reading a page, as the badge shows it. */
export interface PageBadgeState {
  paused: boolean;
  /** The reader switched Backstory off for the page's site. */
  siteOff: boolean;
  host?: string;
}

/** The badge text while Backstory reads nothing: short, since about four characters fit. */
export const BADGE_OFF = 'off';
/** The button's title when nothing is off, as in the manifest (popup's default title). */
export const TITLE_ON = 'Backstory';
export const TITLE_PAUSED = 'Backstory is paused';

/** The title of a tab whose site is switched off. */
export function titleSiteOff(host: string | undefined): string {
  return host ? `Backstory is off on ${host}` : 'Backstory is off on this site';
}

/** A grey badge: a state the reader chose, not an alert. */
const BADGE_COLOR = '#5f6368';

// MV3 builds have `action`; Firefox's MV2 build only `browserAction` (the polyfill adds no alias).
function toolbarButton(): BadgeApi {
  return (browser.action ?? browser.browserAction) as unknown as BadgeApi;
}

/**
 * Shows on the toolbar button when Backstory reads nothing: the pause on every tab (the
 * button's global state), a switched-off site on its tab. Tab values are set whenever a tab
 * asks for its page state, since the browser forgets them when the tab navigates; the
 * global one only when the pause changes. Never rejects: a tab may close before its badge is set.
 */
export class ToolbarBadge {
  /** The pause last asked for; undefined until one was. */
  private paused: boolean | undefined;
  /** Tickets handed out, and the latest one whose pause was shown (see `ticket`). */
  private tickets = 0;
  private shownTicket = 0;
  /** The global writes, one after another, so the latest pause asked for is the one left. */
  private writes: Promise<void> = Promise.resolve();

  constructor(private readonly api: BadgeApi = toolbarButton()) {}

  /**
   * Taken just before reading the pause: a reading that began earlier and ends later (a
   * page's state asked for just before the reader resumed) cannot then undo a newer one.
   */
  ticket(): number {
    this.tickets += 1;
    return this.tickets;
  }

  /**
   * Shows the pause on every tab that has no value of its own. With the ticket taken before
   * it was read, a pause read before one already shown is ignored.
   */
  showPause(paused: boolean, ticket?: number): Promise<void> {
    if (ticket !== undefined) {
      if (ticket < this.shownTicket) return this.writes;
      this.shownTicket = ticket;
    }
    if (paused === this.paused) return this.writes;
    const first = this.paused === undefined;
    this.paused = paused;
    this.writes = this.writes.then(() =>
      this.quietly(async () => {
        if (first) await this.api.setBadgeBackgroundColor({ color: BADGE_COLOR });
        // What is asked for now: a later call may have changed it while this one waited.
        const now = this.paused === true;
        await Promise.all([
          this.api.setBadgeText({ text: now ? BADGE_OFF : '' }),
          this.api.setTitle({ title: now ? TITLE_PAUSED : TITLE_ON }),
        ]);
      }),
    );
    return this.writes;
  }

  /**
   * Shows one tab's state, and the pause it carries. The tab gets explicit values even when
   * on: Chrome takes no null title to mean "as the global one", and an earlier "site off" must go.
   */
  async showPage(tabId: number, state: PageBadgeState, ticket?: number): Promise<void> {
    const title = state.paused ? TITLE_PAUSED : state.siteOff ? titleSiteOff(state.host) : TITLE_ON;
    const text = state.paused || state.siteOff ? BADGE_OFF : '';
    await Promise.all([
      this.showPause(state.paused, ticket),
      this.quietly(() =>
        Promise.all([this.api.setBadgeText({ tabId, text }), this.api.setTitle({ tabId, title })]),
      ),
    ]);
  }

  private async quietly(work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (error) {
      console.debug('Backstory: the toolbar badge was not updated', error);
    }
  }
}
