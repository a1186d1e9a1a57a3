import { expect, type Locator, type Page } from '@playwright/test';
import type { ExtensionBrowser } from '../../support/launch';

// The extension's own API, as seen from its service worker (not typed in this project).
declare const chrome: { tabs: { create(options: { url: string }): Promise<{ id?: number }> } };

/** A web page opened in its own tab, with the tab id the manager needs to act on it. */
export interface ArticleTab {
  page: Page;
  tabId: number;
  url: string;
}

/**
 * Opens `url` in a new tab through the extension, which is how a test learns the tab's id
 * (the extension cannot read other tabs' URLs without a permission grant).
 */
export async function openArticle(extension: ExtensionBrowser, url: string): Promise<ArticleTab> {
  const worker = extension.context.serviceWorkers()[0];
  if (!worker) throw new Error('the extension has no service worker');
  const [page, tabId] = await Promise.all([
    extension.context.waitForEvent('page'),
    worker.evaluate((address) => chrome.tabs.create({ url: address }).then((tab) => tab.id ?? -1), url),
  ]);
  await page.waitForLoadState();
  return { page, tabId, url };
}

/** The card manager (popup.html), opened as a page that acts on `article`'s tab. */
export class ManagerPage {
  private constructor(readonly page: Page) {}

  /** Opens the manager as the popup would be for `article` (`?tab=…&url=…` stands in for the click). */
  static async open(extension: ExtensionBrowser, article?: ArticleTab): Promise<ManagerPage> {
    const page = await extension.context.newPage();
    await page.setViewportSize({ width: 420, height: 580 });
    const query = article ? `?tab=${article.tabId}&url=${encodeURIComponent(article.url)}` : '';
    await page.goto(`chrome-extension://${extension.extensionId}/popup.html${query}`);
    const manager = new ManagerPage(page);
    await manager.cards.first().waitFor();
    return manager;
  }

  get search(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search cards' });
  }

  get cards(): Locator {
    return this.page.getByRole('list', { name: 'Cards' }).getByRole('listitem');
  }

  field(name: string | RegExp): Locator {
    return this.page.getByRole('textbox', { name, exact: true });
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** Writes a new card through the form and saves it. */
  async createCard(card: { title: string; summary: string }): Promise<void> {
    await this.button('New card').click();
    await this.field('Title').fill(card.title);
    await this.field('Summary').fill(card.summary);
    await this.button('Save').click();
    await this.search.waitFor();
  }

  /** Finds a card by typing in the search box and opens the best match with Enter. */
  async openCard(query: string): Promise<void> {
    await this.search.fill(query);
    await this.search.press('Enter');
    await this.page.getByRole('heading', { name: 'Edit card' }).waitFor();
  }

  /** Adds an alias to the open card and saves it. */
  async addAlias(alias: string): Promise<void> {
    await this.button('Add alias').click();
    // The new row takes focus; typing before it has would lose keystrokes.
    await expect(this.page.getByRole('textbox', { name: /^Alias \d+$/ }).last()).toBeFocused();
    await this.page.keyboard.type(alias);
    await this.button('Save').click();
    await this.search.waitFor();
  }

  /** Switches to one of the manager's tabs: Cards, On this page, Settings. */
  async show(tab: 'Cards' | 'On this page' | 'Settings'): Promise<void> {
    await this.page.getByRole('tab', { name: tab }).click();
  }
}
