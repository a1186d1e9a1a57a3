import { loadCards } from '../support/load-cards';
import { expect, paintedMentions, test } from './fixtures';

test.describe('the built extension in Chromium', () => {
  test('highlights the seed terms on the demo page', async ({ extension, server }) => {
    const page = await extension.context.newPage();
    await page.goto(server.url('/demo.html'));
    await expect.poll(() => paintedMentions(page)).toEqual(expect.arrayContaining(['NATO', 'Founding Act']));
    const names = await page.evaluate(() => [...CSS.highlights.keys()]);
    expect(names.every((name) => name.startsWith('backstory'))).toBe(true);
  });

  test('lists the seed cards in the popup', async ({ extension }) => {
    const popup = await extension.context.newPage();
    await popup.goto(`chrome-extension://${extension.extensionId}/popup.html`);
    const cards = popup.getByRole('list', { name: 'Cards' }).getByRole('listitem');
    await expect(cards.first()).toBeVisible();
    expect(await cards.count()).toBeGreaterThanOrEqual(15);
    await expect(popup.getByRole('heading', { name: 'NATO–Russia Founding Act' })).toBeVisible();
  });

  test('keeps its data and keeps working after the service worker is stopped', async ({
    extension,
    server,
  }) => {
    // A card of the reader's own: seeds are installed again at every start, so only a card
    // nothing re-creates shows that the data itself outlived the worker.
    await loadCards(extension.context, extension.extensionId, [{ id: 'reader-brussels', title: 'Brussels' }]);
    const page = await extension.context.newPage();
    await page.goto(server.url('/demo.html'));
    await expect.poll(() => paintedMentions(page)).toEqual(expect.arrayContaining(['NATO', 'Brussels']));

    const cdp = await extension.context.newCDPSession(page);
    const stopped = new Promise<void>((done) => {
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        if (versions.some((v) => v.runningStatus === 'stopped')) done();
      });
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await stopped;

    // Reloading starts the worker again (as the navigation starts, or at the content script's first message).
    await page.reload();
    await expect.poll(() => paintedMentions(page)).toEqual(expect.arrayContaining(['NATO', 'Brussels']));
    const popup = await extension.context.newPage();
    await popup.goto(`chrome-extension://${extension.extensionId}/popup.html`);
    await expect(popup.getByRole('heading', { name: 'NATO–Russia Founding Act' })).toBeVisible();
    await popup.getByRole('searchbox').fill('Brussels');
    // Seed cards that name Brussels in their summaries follow the title match.
    await expect(popup.getByRole('list', { name: 'Cards' }).getByRole('listitem').first()).toHaveText(
      /^Brussels/,
    );
  });
});
