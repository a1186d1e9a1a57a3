// First, as a bare import that the formatter does not move, so that reading the stored matcher
// starts before any other code is evaluated: it is the first statement of the built script.
import '@/lib/background/early-read';
import { browser } from 'wxt/browser';
import { syncBundledSeeds } from '@/lib/background/bundled-seeds';
import { relayCommands } from '@/lib/background/commands';
import { storedMatcherAtStart } from '@/lib/background/early-read';
import { createRequestHandler, requestSender } from '@/lib/background/handlers';
import { MatcherService } from '@/lib/background/matcher-service';
import { isPaused } from '@/lib/background/site-state';
import { ToolbarBadge } from '@/lib/background/toolbar-badge';
import { BackstoryDB } from '@/lib/db/schema';
import { PROTOCOL_VERSION } from '@/lib/protocol/messages';
import { refreshSiteTabs } from '@/lib/protocol/tab-client';

/**
 * Chrome stops this worker when idle and, with no page of the extension open, ends its
 * process too; starting both again took 100 to 200 ms on the benchmark machine, most of a
 * restart's time to the first highlight. Listening for the start of a navigation has Chrome
 * start the worker then, before the page's response has even arrived, instead of when the
 * page's content script first asks. Nothing about the navigation is read.
 * The permission adds no install warning beside the content scripts' access to all sites.
 * Only Chrome asks for it: Firefox keeps Backstory's background page running.
 */
function wakeOnNavigation(): void {
  browser.webNavigation?.onBeforeNavigate.addListener(() => undefined, {
    url: [{ schemes: ['http', 'https'] }],
  });
}

export default defineBackground(() => {
  const db = new BackstoryDB();
  // Installs the seeds on first run and updates unedited seed cards after an upgrade.
  const seeded = syncBundledSeeds(db).catch((error: unknown) => {
    console.error('Backstory: seed packs could not be installed', error);
  });
  const matchers = new MatcherService(db, undefined, storedMatcherAtStart);
  // Chrome starts this worker as a page starts loading, often after stopping it when idle:
  // get the matcher (and the JIT) ready at once, beside the seed check, while the page is read.
  void matchers.warm();
  wakeOnNavigation();
  // The browser keeps the badge while the worker sleeps, not across a restart: shown again here.
  const badge = new ToolbarBadge();
  const ticket = badge.ticket();
  isPaused(db)
    .then((paused) => badge.showPause(paused, ticket))
    .catch((error: unknown) => console.error('Backstory: the pause could not be read', error));
  const handle = createRequestHandler({
    db,
    matchers,
    badge,
    refreshSite: (host, except) => refreshSiteTabs(host, except),
    openManager: async (cardId) => {
      const url = browser.runtime.getURL(
        `/popup.html?view=tab${cardId ? `#card=${encodeURIComponent(cardId)}` : ''}`,
      );
      await browser.tabs.create({ url });
    },
  });
  relayCommands();

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Only this extension's own contexts may ask; other messages are not ours to answer.
    if (sender.id !== browser.runtime.id) return undefined;
    if ((message as { backstory?: unknown } | null)?.backstory !== PROTOCOL_VERSION) return undefined;
    return seeded.then(() => handle(message, requestSender(sender, browser.runtime.getURL('/'))));
  });
});
