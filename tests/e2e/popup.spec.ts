import { expect, paintedMentions, test } from './fixtures';
import { ManagerPage, openArticle } from './popup/manager-page';

test.describe('the card manager', () => {
  test('a card written in the popup is marked on the open article, and so is a new alias', async ({
    extension,
    server,
  }) => {
    const article = await openArticle(extension, server.url('/demo.html'));
    await expect.poll(() => paintedMentions(article.page)).toContain('NATO');
    const manager = await ManagerPage.open(extension, article);

    await manager.createCard({
      title: 'Permanent Joint Council',
      summary: 'The NATO–Russia forum set up by the Founding Act in 1997, replaced in 2002.',
    });
    await expect.poll(() => paintedMentions(article.page)).toContain('Permanent Joint Council');

    await manager.openCard('permanent joint');
    await manager.addAlias('Rome');
    await expect.poll(() => paintedMentions(article.page)).toContain('Rome');
  });

  test('a card deleted from the keyboard leaves the article, and Undo brings it back', async ({
    extension,
    server,
  }) => {
    const article = await openArticle(extension, server.url('/demo.html'));
    await expect.poll(() => paintedMentions(article.page)).toContain('Kremlin');
    const manager = await ManagerPage.open(extension, article);

    await manager.search.fill('kremlin');
    await manager.search.press('ArrowDown');
    await manager.page.keyboard.press('Delete');
    await expect(manager.page.getByText('Deleted “Kremlin”', { exact: true })).toBeVisible();
    await expect.poll(() => paintedMentions(article.page)).not.toContain('Kremlin');

    await manager.button('Undo').click();
    await expect.poll(() => paintedMentions(article.page)).toContain('Kremlin');
    await expect(manager.cards.first()).toContainText('Kremlin');
  });

  test('switching Backstory off for the site clears the article, and on again restores it', async ({
    extension,
    server,
  }) => {
    const article = await openArticle(extension, server.url('/demo.html'));
    await expect.poll(() => paintedMentions(article.page)).toContain('NATO');
    const manager = await ManagerPage.open(extension, article);

    await manager.show('On this page');
    const siteSwitch = manager.page.getByRole('switch', { name: 'Run Backstory on 127.0.0.1' });
    await siteSwitch.uncheck();
    await expect.poll(() => paintedMentions(article.page)).toEqual([]);
    await siteSwitch.check();
    await expect.poll(() => paintedMentions(article.page)).toContain('NATO');
  });

  test('"On this page" lists the article’s cards in order of first mention and jumps to one', async ({
    extension,
    server,
  }) => {
    const article = await openArticle(extension, server.url('/demo.html'));
    await expect.poll(() => paintedMentions(article.page)).toContain('Founding Act');
    const manager = await ManagerPage.open(extension, article);

    await manager.show('On this page');
    const onPage = manager.page.getByRole('list', { name: 'Cards on this page' }).getByRole('button');
    await expect(onPage.first()).toHaveText(/^NATO\s*\d+ mentions$/);
    const foundingAct = onPage.filter({ hasText: 'NATO–Russia Founding Act' });
    await expect(foundingAct).toHaveText(/\d+ mentions/);

    expect(await article.page.evaluate(() => scrollY)).toBe(0);
    await foundingAct.click();
    await expect.poll(() => article.page.evaluate(() => scrollY)).toBeGreaterThan(0);
  });
});
