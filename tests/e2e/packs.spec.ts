import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { readPackText } from '../../lib/pack/read-pack';
import { AXE_REPORT, AXE_SOURCE, type AxeReport } from '../support/axe';
import type { ExtensionBrowser } from '../support/launch';
import { expect, paintedMentions, test } from './fixtures';
import { ManagerPage, openArticle } from './popup/manager-page';

const SEED_CARDS = 23;

/** The full-tab manager opened at import and export, as the popup's button opens it. */
async function openPacks(extension: ExtensionBrowser): Promise<Page> {
  const page = await extension.context.newPage();
  await page.goto(`chrome-extension://${extension.extensionId}/popup.html?view=tab#packs`);
  await expect(page.getByRole('heading', { name: 'Back up and share cards' })).toBeFocused();
  return page;
}

/** Chooses a file for the import, as the file picker would hand it over. */
async function chooseFile(page: Page, name: string, text: string): Promise<void> {
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

const council = {
  backstory: 1,
  pack: { id: 'nato-russia-history', title: 'NATO–Russia history', version: '1' },
  cards: [
    {
      id: 'permanent-joint-council',
      title: 'Permanent Joint Council',
      summary: 'The NATO–Russia forum set up by the Founding Act in 1997; replaced in 2002.',
      sources: [{ title: 'NATO', url: 'https://www.nato.int/' }],
    },
  ],
};

test.describe('packs in the card manager', () => {
  test('a pack imported in the manager is marked on the open article at once, and Undo import takes it off', async ({
    extension,
    server,
  }) => {
    const article = await openArticle(extension, server.url('/demo.html'));
    await expect.poll(() => paintedMentions(article.page)).toContain('NATO');
    const page = await openPacks(extension);

    await chooseFile(page, 'history.json', JSON.stringify(council));
    await expect(page.getByRole('heading', { name: 'Import “NATO–Russia history”?' })).toBeFocused();
    await expect(page.getByText('1 card new')).toBeVisible();
    expect(await paintedMentions(article.page)).not.toContain('Permanent Joint Council');
    await page.getByRole('button', { name: 'Import 1 card' }).click();
    await expect(page.getByText('Imported 1 card from “NATO–Russia history”.')).toBeVisible();
    await expect.poll(() => paintedMentions(article.page)).toContain('Permanent Joint Council');

    await page.getByRole('button', { name: 'Undo import' }).click();
    await expect(page.getByText('Import undone: 1 new card removed.')).toBeFocused();
    await expect.poll(() => paintedMentions(article.page)).not.toContain('Permanent Joint Council');
    expect(await paintedMentions(article.page)).toContain('NATO');
  });

  test('an export holds every card as a valid pack, and importing it back changes nothing', async ({
    extension,
  }) => {
    const page = await openPacks(extension);
    await page.getByRole('textbox', { name: 'Pack title' }).fill('Reading list');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export to a file' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^reading-list-\d{4}\.\d{2}\.\d{2}\.\d{6}\.json$/);
    const text = await readFile(await download.path(), 'utf8');
    const read = readPackText(download.suggestedFilename(), text);
    if (!read.ok) throw new Error(read.problems.join('\n'));
    expect(read.pack.pack.title).toBe('Reading list');
    expect(read.pack.cards).toHaveLength(SEED_CARDS);
    await expect(page.getByRole('status').filter({ hasText: 'Saved 23 cards as' })).toBeVisible();

    await chooseFile(page, download.suggestedFilename(), text);
    await expect(page.getByText('23 cards already the same, left as they are')).toBeVisible();
    await expect(page.getByText('Nothing to import: your cards already say all this.')).toBeVisible();
  });

  test('a broken or hostile file is refused with what and where, and nothing changes', async ({
    extension,
  }) => {
    const page = await openPacks(extension);
    await chooseFile(page, 'broken.json', '{\n  "backstory": 1,\n  "cards": [\n}');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('broken.json was not imported; nothing was changed.');
    await expect(alert).toContainText('broken.json: not a JSON file (line 4, column 1)');
    const hostile = structuredClone(council);
    hostile.cards[0] = {
      ...council.cards[0],
      sources: [{ title: 'x', url: 'javascript:alert(1)' }],
    } as never;
    await chooseFile(page, 'hostile.json', JSON.stringify(hostile));
    await expect(alert).toContainText(
      'hostile.json: card "permanent-joint-council" (cards[0]), field "sources[0].url" must be an http or https address',
    );
    const manager = await ManagerPage.open(extension);
    await expect(manager.page.getByText(`${SEED_CARDS} cards`, { exact: true })).toBeVisible();
  });

  test('import and export pass axe-core in light and dark, with a preview and a refusal showing', async ({
    extension,
  }) => {
    const page = await openPacks(extension);
    await page.evaluate(AXE_SOURCE);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await chooseFile(page, 'history.json', JSON.stringify(council));
      await expect(page.getByRole('button', { name: 'Import 1 card' })).toBeVisible();
      const preview = (await page.evaluate(AXE_REPORT)) as AxeReport;
      expect(preview.violations, `preview, ${colorScheme}`).toEqual([]);
      expect(preview.passes).toContain('color-contrast');
      await chooseFile(page, 'broken.json', '{');
      await expect(page.getByRole('alert')).toBeVisible();
      const refusal = (await page.evaluate(AXE_REPORT)) as AxeReport;
      expect(refusal.violations, `refusal, ${colorScheme}`).toEqual([]);
    }
  });

  test('all of the manager is inside landmarks, with one main, in the popup and in a tab', async ({
    extension,
  }) => {
    const landmarks = `axe.run(document, { runOnly: ['region', 'landmark-one-main', 'landmark-unique'] })
      .then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`;
    const popup = await ManagerPage.open(extension);
    const tab = await openPacks(extension);
    for (const page of [popup.page, tab]) {
      await page.evaluate(AXE_SOURCE);
      expect(await page.evaluate(landmarks)).toEqual([]);
    }
  });

  test('the toolbar popup opens import and export in a tab', async ({ extension }) => {
    const manager = await ManagerPage.open(extension);
    await manager.show('Settings');
    const [tab] = await Promise.all([
      extension.context.waitForEvent('page'),
      manager.button('Import or export in a tab').click(),
    ]);
    await tab.waitForLoadState();
    expect(new URL(tab.url()).hash).toBe('#packs');
    await expect(tab.getByRole('heading', { name: 'Back up and share cards' })).toBeFocused();
    await expect(tab.locator('input[type="file"]')).toHaveCount(1);
  });
});
