import { mkdtempSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { readPackText } from '@/lib/pack/read-pack';
import { PROTOCOL_VERSION } from '@/lib/protocol/messages';
import { AXE_REPORT, AXE_SOURCE, type AxeReport } from '../support/axe';
import { mentions, openExtensionPage } from '../support/firefox';
import { readPainted } from '../support/painted-ranges';
import { useFirefoxSuite } from './firefox-suite';
import { DEMO_PAGE, expect, test } from './fixtures';

// The manager, the per-site switch and the keyboard path to the card, in Firefox. The
// Chromium suites test the same things in more depth (popup.spec.ts, card.spec.ts); these
// check that they work in Firefox's engine and extension API as well.
// Downloads go straight to a folder of the suite's own, without asking, so that the export's
// file can be read back.
const downloads = mkdtempSync(join(tmpdir(), 'backstory-downloads-'));
const firefox = useFirefoxSuite(
  { '/demo.html': DEMO_PAGE },
  {
    'browser.download.folderList': 2,
    'browser.download.dir': downloads,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
  },
);
test.afterAll(() => rm(downloads, { recursive: true, force: true }));

// The slice of Firefox's extension API these tests call in the manager's page.
declare const browser: {
  tabs: {
    getCurrent(): Promise<{ id?: number }>;
    query(query: object): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
  commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> };
  browserAction: {
    getBadgeText(details: { tabId?: number }): Promise<string>;
    getTitle(details: { tabId?: number }): Promise<string>;
  };
};

// Each test leaves only the first tab open, so that the article is the one tab besides an
// extension page (openArticle), and the theme as it found it.
test.afterEach(async () => {
  const [, ...others] = await firefox.browser.pages();
  for (const page of others) await page.close();
});

interface Article {
  page: Page;
  tabId: number;
  url: string;
}

/**
 * Opens the demo article in the browser's first tab and waits until it is painted. Its tab
 * id is learnt from an extension page: with no `tabs` permission the extension sees no tab's
 * address, so the article is the one tab that is not that page (the suite keeps it so).
 */
async function openArticle(): Promise<Article> {
  const [page] = await firefox.browser.pages();
  if (!page) throw new Error('Firefox has no tab');
  const url = firefox.pages.url('/demo.html');
  await page.goto(url);
  await expect.poll(() => mentions(page), { timeout: 10_000 }).toContain('NATO');
  const probe = await firefox.browser.newPage();
  await openExtensionPage(probe, 'popup.html', '[role=tab]');
  const tabId = await probe.evaluate(async () => {
    const me = await browser.tabs.getCurrent();
    const others = (await browser.tabs.query({})).filter((tab) => tab.id !== me.id);
    if (others.length !== 1 || others[0]?.id === undefined) throw new Error(`${others.length} other tabs`);
    return others[0].id;
  });
  await probe.close();
  return { page, tabId, url };
}

/** Opens the manager as the popup would be for `article`'s tab. */
async function openManager(article: Article): Promise<Page> {
  const manager = await firefox.browser.newPage();
  const query = `?tab=${article.tabId}&url=${encodeURIComponent(article.url)}`;
  await openExtensionPage(manager, `popup.html${query}`, 'ul[aria-label=Cards] li');
  return manager;
}

/** Clicks the manager's button (its panel tabs are buttons too) whose text is `name`. */
async function press(manager: Page, name: string): Promise<void> {
  const found = await manager.$(`::-p-xpath(//button[normalize-space()="${name}"])`);
  if (!found) throw new Error(`No button "${name}" in the manager`);
  await found.click();
}

test('Firefox: the manager lists the cards and passes axe-core on every panel, light and dark', async () => {
  const article = await openArticle();
  const manager = await openManager(article);
  expect(await manager.evaluate(() => document.body.textContent)).toContain('NATO–Russia Founding Act');
  await manager.evaluate(AXE_SOURCE);
  const check = async (where: string) => {
    const report = (await manager.evaluate(AXE_REPORT)) as AxeReport;
    expect(report.violations, where).toEqual([]);
    expect(report.incomplete, where).toEqual([]);
    expect(report.passes, where).toContain('color-contrast');
  };
  // Firefox cannot emulate a colour scheme over BiDi, so the reader's own theme setting picks it.
  for (const theme of ['light', 'dark'] as const) {
    await press(manager, 'Settings');
    const radio = await manager.waitForSelector(`input[type=radio][value=${theme}]`);
    await radio?.click();
    await expect.poll(() => manager.evaluate(() => document.documentElement.style.colorScheme)).toBe(theme);
    await check(`Settings, ${theme}`);
    await press(manager, 'Cards');
    await check(`Cards, ${theme}`);
    await press(manager, 'New card');
    await manager.waitForSelector('form[aria-labelledby]');
    await check(`New card, ${theme}`);
    await press(manager, 'Cancel');
    await press(manager, 'NATO–Russia Founding Act');
    await manager.waitForSelector('::-p-xpath(//h2[normalize-space()="Edit card"])');
    await check(`Edit card, ${theme}`);
    await press(manager, 'Cancel');
    await press(manager, 'On this page');
    await manager.waitForSelector('[role=switch]');
    await check(`On this page, ${theme}`);
  }
  await press(manager, 'Settings');
  await (await manager.waitForSelector('input[type=radio][value=auto]'))?.click();
});

test('Firefox: the per-site switch in the manager clears the article, and on again restores it', async () => {
  const article = await openArticle();
  const manager = await openManager(article);
  await press(manager, 'On this page');
  const siteSwitch = await manager.waitForSelector('[role=switch]:not([disabled])');
  expect(await manager.evaluate(() => document.querySelector('label.switch')?.textContent)).toBe(
    'Run Backstory on 127.0.0.1',
  );
  await siteSwitch?.click();
  await expect.poll(() => article.page.evaluate(() => [...CSS.highlights.keys()])).toEqual([]);
  await siteSwitch?.click();
  await expect.poll(() => mentions(article.page)).toContain('NATO');
});

test('Firefox: the keyboard commands walk the mentions, and the card takes focus and gives it back', async () => {
  const article = await openArticle();
  const manager = await openManager(article);
  expect(await manager.evaluate(() => browser.commands.getAll())).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ name: 'next-mention', shortcut: 'Alt+Shift+Period' }),
      expect.objectContaining({ name: 'previous-mention', shortcut: 'Alt+Shift+Comma' }),
    ]),
  );
  // What the command relay sends the tab when the shortcut is pressed (lib/background/commands.ts).
  const navigate = (direction: 'next' | 'previous') =>
    manager.evaluate(
      (tabId, direction, version) =>
        browser.tabs.sendMessage(tabId, {
          backstory: version,
          method: 'tab.navigate',
          params: { direction },
        }),
      article.tabId,
      direction,
      PROTOCOL_VERSION,
    );
  const active = () =>
    article.page.evaluate(readPainted, 'backstory-active').then((painted) => painted.map((r) => r.text));
  const focused = () => article.page.evaluate(() => document.activeElement?.localName);
  const painted = await mentions(article.page);
  await article.page.bringToFront();

  expect(await navigate('next')).toEqual({ ok: true, result: { found: true } });
  expect(await active()).toEqual([painted[0]]);
  // Focus is inside the card, whose closed shadow root shows from outside only as its host.
  await expect.poll(focused).toBe('backstory-card');
  await article.page.keyboard.press('Tab');
  expect(await focused()).toBe('backstory-card');
  await article.page.keyboard.press('Escape');
  await expect.poll(active).toEqual([]);
  expect(await focused()).toBe('body');

  await navigate('next');
  expect(await active()).toEqual([painted[1]]);
  await navigate('previous');
  expect(await active()).toEqual([painted[0]]);
  expect(await navigate('previous')).toEqual({ ok: true, result: { found: false } });
});

test('Firefox: a pack imported in the full-tab manager is marked on the article, and Undo import takes it off', async () => {
  const article = await openArticle();
  const manager = await firefox.browser.newPage();
  await openExtensionPage(manager, 'popup.html?view=tab#packs', 'input[type=file]');
  const folder = await mkdtemp(join(tmpdir(), 'backstory-pack-'));
  const file = join(folder, 'history.json');
  await writeFile(
    file,
    JSON.stringify({
      backstory: 1,
      pack: { id: 'nato-russia-history', title: 'NATO–Russia history', version: '1' },
      cards: [
        { id: 'pjc', title: 'Permanent Joint Council', summary: 'Set up by the Founding Act in 1997.' },
      ],
    }),
  );
  try {
    const input = await manager.$('input[type=file]');
    await (input as ElementHandle<HTMLInputElement>).uploadFile(file);
    await manager.waitForSelector('::-p-xpath(//h4[normalize-space()="Import “NATO–Russia history”?"])');
    await press(manager, 'Import 1 card');
    await manager.waitForSelector('::-p-text(Imported 1 card from)');
    await expect.poll(() => mentions(article.page)).toContain('Permanent Joint Council');
    await press(manager, 'Undo import');
    await expect.poll(() => mentions(article.page)).not.toContain('Permanent Joint Council');
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});

test('Firefox: an export is saved as a file named after its title, holding every card as a valid pack', async () => {
  const manager = await firefox.browser.newPage();
  await openExtensionPage(manager, 'popup.html?view=tab#packs', 'input[type=file]');
  const title = await manager.$('::-p-aria(Pack title[role="textbox"])');
  if (!title) throw new Error('No "Pack title" field in the manager');
  await title.click({ count: 3 });
  await title.type('Reading list');
  await press(manager, 'Export to a file');
  await manager.waitForSelector('::-p-text(Saved 23 cards as)');
  // Firefox writes a ".part" file first and renames it once the download is complete.
  const saved = async () => (await readdir(downloads)).filter((name) => name.endsWith('.json'));
  await expect.poll(saved, { timeout: 10_000 }).toHaveLength(1);
  const [name] = await saved();
  expect(name).toMatch(/^reading-list-\d{4}\.\d{2}\.\d{2}\.\d{6}\.json$/);
  const read = readPackText(name as string, await readFile(join(downloads, name as string), 'utf8'));
  if (!read.ok) throw new Error(read.problems.join('\n'));
  expect(read.pack.pack.title).toBe('Reading list');
  expect(read.pack.cards).toHaveLength(23);
});

test('Firefox: the toolbar button says "off" while Backstory is paused, on the article too, and nothing once resumed', async () => {
  const article = await openArticle();
  const manager = await openManager(article);
  // Firefox's MV2 build has browserAction, not action: the badge must use it.
  const button = (tabId?: number) =>
    manager.evaluate(async (tab) => {
      const details = tab === undefined ? {} : { tabId: tab };
      return {
        text: await browser.browserAction.getBadgeText(details),
        title: await browser.browserAction.getTitle(details),
      };
    }, tabId);
  await press(manager, 'Settings');
  const pause = await manager.waitForSelector('::-p-aria(Pause Backstory everywhere)');
  await pause?.click();
  const paused = { text: 'off', title: 'Backstory is paused' };
  await expect.poll(() => button()).toEqual(paused);
  await expect.poll(() => button(article.tabId)).toEqual(paused);
  await pause?.click();
  const on = { text: '', title: 'Backstory' };
  await expect.poll(() => button()).toEqual(on);
  await expect.poll(() => button(article.tabId)).toEqual(on);
  await expect.poll(() => mentions(article.page)).toContain('NATO');
});
