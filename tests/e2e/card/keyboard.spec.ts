import type { StaticServer } from '../../support/static-server';
import { expect, paintedMentions, test } from '../fixtures';
import { serviceWorker, startCardPages, visit } from './card-pages';
import { sendToActiveTab } from './extension-side';

// Keyboard navigation on a page that changes. The commands themselves, their keys and focus
// in the card are tested in card.spec.ts.

let server: StaticServer;
test.beforeAll(async () => {
  server = await startCardPages();
});
test.afterAll(() => server.close());

test('after a card reached by keyboard closes, the next command goes on from its mention even when the page moved its text', async ({
  extension,
}) => {
  const { page, card } = await visit(extension, server, '/demo.html');
  await card.mention('NATO');
  const painted = await paintedMentions(page);
  // Told apart by their text below.
  expect(painted[1]).not.toBe(painted[0]);
  const worker = serviceWorker(extension);
  const next = () => sendToActiveTab(worker, 'tab.navigate', { direction: 'next' });
  await next();
  expect(await card.activeMention()).toBe(painted[0]);
  await page.keyboard.press('Escape');
  expect(await card.isOpen()).toBe(false);

  /** Where the first painted mention starts in its text node. */
  const firstStart = () =>
    page.evaluate(() => [...(CSS.highlights.get('backstory-mention') ?? [])][0]?.startOffset);
  const before = (await firstStart()) ?? Number.NaN;
  await page.evaluate(() => {
    const first = [...(CSS.highlights.get('backstory-mention') ?? [])][0];
    if (!first) throw new Error('nothing is painted');
    // Right at its start: a live Range's start stays there, only its end moves.
    (first.startContainer as Text).insertData(first.startOffset, 'Indeed, ');
  });
  // The rescan paints the mention again where its text went, with a new range.
  await expect.poll(firstStart).toBe(before + 8);
  await next();
  expect(await card.activeMention()).toBe(painted[1]);
});
