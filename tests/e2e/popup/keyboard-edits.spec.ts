import { expect, test } from '../fixtures';
import { ManagerPage } from './manager-page';

/** The title of the card on the focused row of the list, or null when focus is elsewhere. */
const focusedRow = (manager: ManagerPage) =>
  manager.page.evaluate(
    () => document.activeElement?.closest('li[data-row]')?.querySelector('h3')?.textContent ?? null,
  );

test.describe('the card manager at the keyboard', () => {
  test('Delete twice deletes the focused row’s cards, and the last row’s delete keeps focus in the list', async ({
    extension,
  }) => {
    const manager = await ManagerPage.open(extension);
    const titles = await manager.cards.locator('h3').allTextContents();
    await manager.search.press('ArrowDown');
    await manager.page.keyboard.press('ArrowDown');
    await manager.page.keyboard.press('ArrowDown');
    expect(await focusedRow(manager)).toBe(titles[2]);

    await manager.page.keyboard.press('Delete');
    await expect(manager.page.locator('.undo-bar')).toContainText(`Deleted “${titles[2]}”`);
    expect(await focusedRow(manager)).toBe(titles[3]);
    await manager.page.keyboard.press('Delete');
    await expect(manager.page.locator('.undo-bar')).toContainText(`Deleted “${titles[3]}”`);
    await expect(manager.cards.first().locator('h3')).toHaveText(titles[0] as string);

    await manager.page.keyboard.press('End');
    const last = await focusedRow(manager);
    await manager.page.keyboard.press('Delete');
    await expect(manager.page.locator('.undo-bar')).toContainText(`Deleted “${last}”`);
    await expect.poll(() => focusedRow(manager)).not.toBeNull();
    expect(await focusedRow(manager)).not.toBe(last);
  });

  test('Enter in "Add a related card" links the first card offered, and the card stays open', async ({
    extension,
  }) => {
    const manager = await ManagerPage.open(extension);
    await manager.openCard('nato enlargement');
    const link = manager.page.getByRole('searchbox', { name: 'Add a related card' });
    await link.fill('mark rutte');
    await link.press('Enter');
    await expect(manager.button('Remove related card Mark Rutte')).toBeVisible();
    await expect(manager.page.getByRole('heading', { name: 'Edit card' })).toBeVisible();
    await expect(link).toBeFocused();
  });

  test('Alt+N over unsaved changes asks first, and Keep editing goes back to the field', async ({
    extension,
  }) => {
    const manager = await ManagerPage.open(extension);
    await manager.openCard('nato enlargement');
    const summary = manager.field('Summary');
    await summary.fill('Written in the popup, not saved.');
    await manager.page.keyboard.press('Alt+N');
    await expect(manager.page.getByText('Discard your changes?')).toBeVisible();
    await expect(manager.button('Keep editing')).toBeFocused();
    await manager.button('Keep editing').click();
    await expect(summary).toBeFocused();
    await expect(summary).toHaveValue('Written in the popup, not saved.');
  });

  test('"Open in a tab" opens the tab at the card with its unsaved changes', async ({ extension }) => {
    const manager = await ManagerPage.open(extension);
    await manager.openCard('nato enlargement');
    await manager.field('Summary').fill('Written in the popup, not saved.');
    const [tab] = await Promise.all([
      extension.context.waitForEvent('page'),
      manager.button('Open in a tab').click(),
    ]);
    await tab.waitForLoadState();
    expect(new URL(tab.url()).hash).toMatch(/^#card=/);
    await expect(tab.getByRole('textbox', { name: 'Summary', exact: true })).toHaveValue(
      'Written in the popup, not saved.',
    );
  });
});
