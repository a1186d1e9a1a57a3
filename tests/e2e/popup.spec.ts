import { AXE_REPORT, AXE_SOURCE, type AxeReport } from '../support/axe';
import type { ExtensionBrowser } from '../support/launch';
import { readPainted } from '../support/painted-ranges';
import { contrastRatio } from '../support/pixels';
import type { StaticServer } from '../support/static-server';
import { CardProbe } from './card/card-probe';
import { expect, paintedMentions, test } from './fixtures';
import { ManagerPage, openArticle } from './popup/manager-page';

/** Opens the demo article, waits until `term` is painted on it, and opens the manager for its tab. */
async function managerOnDemo(extension: ExtensionBrowser, server: StaticServer, term: string) {
  const article = await openArticle(extension, server.url('/demo.html'));
  await expect.poll(() => paintedMentions(article.page)).toContain(term);
  return { article, manager: await ManagerPage.open(extension, article) };
}

test.describe('the card manager', () => {
  test('a card written in the popup is marked on the open article, and so is a new alias', async ({
    extension,
    server,
  }) => {
    const { article, manager } = await managerOnDemo(extension, server, 'NATO');

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
    const { article, manager } = await managerOnDemo(extension, server, 'Kremlin');

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
    const { article, manager } = await managerOnDemo(extension, server, 'NATO');

    await manager.show('On this page');
    const siteSwitch = manager.page.getByRole('switch', { name: 'Run Backstory on 127.0.0.1' });
    await siteSwitch.uncheck();
    await expect.poll(() => paintedMentions(article.page)).toEqual([]);
    await siteSwitch.check();
    await expect.poll(() => paintedMentions(article.page)).toContain('NATO');
  });

  test('a card hidden on the site from its card on the page is marked again from "On this page", by keyboard', async ({
    extension,
    server,
  }) => {
    const article = await openArticle(extension, server.url('/demo.html'));
    const card = await CardProbe.attach(article.page);
    await card.hoverOpen('NATO');
    await card.pressControl('Don’t mark on this site');
    await expect.poll(() => paintedMentions(article.page)).not.toContain('NATO');

    const manager = await ManagerPage.open(extension, article);
    await manager.show('On this page');
    await expect(manager.page.getByRole('heading', { name: 'Not marked on 127.0.0.1' })).toBeVisible();
    const markAgain = manager.button('Mark again “NATO”');
    await markAgain.focus();
    await manager.page.keyboard.press('Enter');
    await expect.poll(() => paintedMentions(article.page)).toContain('NATO');
    await expect(markAgain).toHaveCount(0);
    const onPage = manager.page.getByRole('list', { name: 'Cards on this page' }).getByRole('button');
    await expect(onPage.first()).toHaveText(/^NATO\s*\d+ mentions$/);
  });

  test('"On this page" lists the article’s cards in order of first mention and jumps to one', async ({
    extension,
    server,
  }) => {
    const { article, manager } = await managerOnDemo(extension, server, 'Founding Act');

    await manager.show('On this page');
    const onPage = manager.page.getByRole('list', { name: 'Cards on this page' }).getByRole('button');
    // The headline names NATO, then Moscow; Moscow has far fewer mentions than the Founding
    // Act, so this order is first mention, not count.
    await expect(onPage.first()).toHaveText(/^NATO\s*\d+ mentions$/);
    await expect(onPage.nth(1)).toHaveText(/^Moscow\s*\d+ mentions?$/);
    const foundingAct = onPage.filter({ hasText: 'NATO–Russia Founding Act' });
    await expect(foundingAct).toHaveText(/\d+ mentions/);

    expect(await article.page.evaluate(() => scrollY)).toBe(0);
    await foundingAct.click();
    await expect.poll(() => article.page.evaluate(() => scrollY)).toBeGreaterThan(0);
    // It jumped to that card's mention, now on screen, and opened its card there.
    await expect
      .poll(async () => {
        const [active] = await article.page.evaluate(readPainted, 'backstory-active');
        const height = await article.page.evaluate(() => innerHeight);
        return active && active.box.top >= 0 && active.box.bottom <= height ? active.text : undefined;
      })
      .toMatch(/Founding Act/);
  });

  test('one press and release of the mouse on Add alias adds a row, though leaving a one-letter alias shows its error', async ({
    extension,
  }) => {
    const manager = await ManagerPage.open(extension);
    await manager.button('New card').click();
    await expect(manager.field('Title')).toBeFocused();
    await manager.button('Add alias').click();
    await manager.page.keyboard.type('a');

    // Pressed where the button is before the press, as a hand on the mouse would.
    const add = manager.button('Add alias');
    await add.scrollIntoViewIfNeeded();
    const box = await add.boundingBox();
    if (!box) throw new Error('Add alias has no box');
    await manager.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await manager.page.mouse.down();
    await manager.page.mouse.up();

    await expect(manager.field('Alias 2')).toBeFocused();
    await expect(manager.page.getByText('Alias 1 must be at least 2 characters long')).toBeVisible();
  });

  test('the popup opens ready for typing: a search typed at once, then Enter, opens the card', async ({
    extension,
  }) => {
    const manager = await ManagerPage.open(extension);
    await expect(manager.search).toBeFocused();
    await manager.page.keyboard.type('kremlin');
    await manager.page.keyboard.press('Enter');
    await expect(manager.page.getByRole('heading', { name: 'Edit card' })).toBeVisible();
    await expect(manager.field('Title')).toHaveValue(/Kremlin/);
  });

  test('a search that finds nothing writes that card on Enter, and the article marks it once saved', async ({
    extension,
    server,
  }) => {
    const { article, manager } = await managerOnDemo(extension, server, 'NATO');
    // A name the article has and no card mentions anywhere.
    await manager.search.fill('Verhoeven');
    await expect(manager.button('Write a card titled “Verhoeven”')).toBeVisible();
    await manager.search.press('Enter');
    await expect(manager.field('Title')).toHaveValue('Verhoeven');
    await manager.field('Summary').fill('A name the demo article quotes.');
    await manager.button('Save').click();
    await expect.poll(() => paintedMentions(article.page)).toContain('Verhoeven');
  });

  test('a title typed just before the popup closes is offered back when it opens again', async ({
    extension,
  }) => {
    const manager = await ManagerPage.open(extension);
    await manager.button('New card').click();
    await manager.field('Title').pressSequentially('Closed too soon', { delay: 5 });
    // Well inside the quarter second the draft used to wait for before it was kept.
    await manager.page.waitForTimeout(100);
    await manager.page.close();
    const again = await ManagerPage.open(extension);
    await expect(again.page.getByText('Your unsaved changes to “Closed too soon” were kept.')).toBeVisible();
  });

  test('Settings lists the page shortcuts with the keys Chromium has bound, and where to change them', async ({
    extension,
  }) => {
    const manager = await ManagerPage.open(extension);
    await manager.show('Settings');
    const next = manager.page.getByRole('definition').filter({ hasText: 'next marked term' });
    await expect(next.locator('xpath=preceding-sibling::dt[1]')).toHaveText('Alt+Shift+.');
    await expect(manager.page.getByText('chrome://extensions/shortcuts')).toBeVisible();
  });

  test('every panel passes axe-core (WCAG 2.2 AA, colour contrast included) in light and dark', async ({
    extension,
    server,
  }) => {
    const { manager } = await managerOnDemo(extension, server, 'NATO');
    await manager.page.evaluate(AXE_SOURCE);
    const check = async (where: string) => {
      const report = (await manager.page.evaluate(AXE_REPORT)) as AxeReport;
      expect(report.violations, where).toEqual([]);
      expect(report.incomplete, where).toEqual([]);
      expect(report.passes, where).toContain('color-contrast');
    };
    for (const colorScheme of ['light', 'dark'] as const) {
      await manager.page.emulateMedia({ colorScheme });
      await manager.show('Cards');
      // The manager follows the scheme, so the dark pass checks the dark manager.
      const background = await manager.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const againstBlack = contrastRatio(background, 'rgb(0, 0, 0)');
      if (colorScheme === 'dark') expect(againstBlack, 'dark manager background').toBeLessThan(2);
      else expect(againstBlack, 'light manager background').toBeGreaterThan(15);
      await check(`Cards, ${colorScheme}`);
      await manager.button('New card').click();
      await manager.field('Title').waitFor();
      await check(`New card, ${colorScheme}`);
      await manager.button('Save').click();
      await expect(manager.page.getByRole('alert')).toContainText('need fixing');
      await check(`New card with errors, ${colorScheme}`);
      await manager.button('Cancel').click();
      // Deleting leaves an Undo bar under the list.
      await manager.search.fill('kremlin');
      await manager.search.press('ArrowDown');
      await manager.page.keyboard.press('Delete');
      await manager.button('Undo').waitFor();
      await check(`Undo bar, ${colorScheme}`);
      await manager.button('Undo').click();
      await manager.openCard('founding act');
      await check(`Edit card, ${colorScheme}`);
      await manager.button('Cancel').click();
      await manager.search.fill('');
      await manager.show('On this page');
      await manager.page.getByRole('switch').waitFor();
      await check(`On this page, ${colorScheme}`);
      await manager.show('Settings');
      await check(`Settings, ${colorScheme}`);
    }
  });

  test('long unbroken titles and searches wrap inside the popup instead of widening it', async ({
    extension,
  }) => {
    const manager = await ManagerPage.open(extension);
    const long = 'Organisation'.repeat(25); // 300 characters, no space to break at
    await manager.createCard({ title: long, summary: 'A card with a very long title.' });
    // A chip naming it in another card's related cards.
    await manager.openCard('founding act');
    await manager.page
      .getByRole('searchbox', { name: 'Add a related card' })
      .fill('organisationorganisation');
    await manager.page.getByRole('searchbox', { name: 'Add a related card' }).press('Enter');
    await expect(manager.page.locator('.chip', { hasText: 'OrganisationOrganisation' })).toHaveCount(1);
    const overflow = () =>
      manager.page.evaluate(() => ({
        page: document.documentElement.scrollWidth > innerWidth,
        wider: [...document.querySelectorAll<HTMLElement>('.chip, .cards-panel__write')]
          .filter((element) => element.getBoundingClientRect().right > innerWidth)
          .map((element) => element.className),
      }));
    expect(await overflow()).toEqual({ page: false, wider: [] });
    await manager.button('Cancel').click();
    await manager.button('Discard').click();
    // A search that finds nothing offers to write that card, repeating what was typed.
    await manager.search.fill(`x${long}`);
    await expect(manager.page.locator('.cards-panel__write')).toBeVisible();
    expect(await overflow()).toEqual({ page: false, wider: [] });
  });
});
