import type { ExtensionBrowser } from '../support/launch';
import { expect, paintedMentions, test } from './fixtures';
import { ManagerPage, openArticle } from './popup/manager-page';

// The extension's own API, as seen from its service worker (not typed in this project).
declare const chrome: {
  action: {
    getBadgeText(details: { tabId?: number }): Promise<string>;
    getTitle(details: { tabId?: number }): Promise<string>;
  };
};

/** What the toolbar button shows, on one tab or (without a tab) on any tab with no value of its own. */
function toolbarButton(
  extension: ExtensionBrowser,
  tabId?: number,
): Promise<{ text: string; title: string }> {
  const worker = extension.context.serviceWorkers()[0];
  if (!worker) throw new Error('the extension has no service worker');
  return worker.evaluate(async (tab) => {
    const details = tab === undefined ? {} : { tabId: tab };
    return { text: await chrome.action.getBadgeText(details), title: await chrome.action.getTitle(details) };
  }, tabId);
}

test.describe('the toolbar badge', () => {
  test('says "off" on every tab while Backstory is paused, and nothing once it is resumed', async ({
    extension,
    server,
  }) => {
    expect(await toolbarButton(extension)).toEqual({ text: '', title: 'Backstory' });
    // Paused while no open tab has Backstory in it: the popup tells the background itself.
    const manager = await ManagerPage.open(extension);
    await manager.show('Settings');
    const pause = manager.page.getByRole('switch', { name: 'Pause Backstory everywhere' });
    await pause.check();
    const paused = { text: 'off', title: 'Backstory is paused' };
    await expect.poll(() => toolbarButton(extension)).toEqual(paused);

    const article = await openArticle(extension, server.url('/demo.html'));
    await expect.poll(() => toolbarButton(extension, article.tabId)).toEqual(paused);

    await pause.uncheck();
    await expect.poll(() => paintedMentions(article.page)).toContain('NATO');
    const on = { text: '', title: 'Backstory' };
    await expect.poll(() => toolbarButton(extension)).toEqual(on);
    await expect.poll(() => toolbarButton(extension, article.tabId)).toEqual(on);
  });

  test('says "off" on the tab of a site switched off, and on no other tab', async ({ extension, server }) => {
    const article = await openArticle(extension, server.url('/demo.html'));
    // The same page under another host name: another site.
    const other = await openArticle(extension, server.url('/demo.html').replace('127.0.0.1', 'localhost'));
    await expect.poll(() => paintedMentions(article.page)).toContain('NATO');
    await expect.poll(() => paintedMentions(other.page)).toContain('NATO');

    const manager = await ManagerPage.open(extension, article);
    await manager.show('On this page');
    const siteSwitch = manager.page.getByRole('switch', { name: 'Run Backstory on 127.0.0.1' });
    await siteSwitch.uncheck();
    await expect
      .poll(() => toolbarButton(extension, article.tabId))
      .toEqual({ text: 'off', title: 'Backstory is off on 127.0.0.1' });
    expect(await toolbarButton(extension, other.tabId)).toEqual({ text: '', title: 'Backstory' });
    expect(await toolbarButton(extension)).toEqual({ text: '', title: 'Backstory' });

    // The badge follows the tab's page: reloaded, the site is still off; switched on, it goes.
    await article.page.reload();
    await expect.poll(() => toolbarButton(extension, article.tabId)).toMatchObject({ text: 'off' });
    await siteSwitch.check();
    await expect
      .poll(() => toolbarButton(extension, article.tabId))
      .toEqual({ text: '', title: 'Backstory' });
  });
});
