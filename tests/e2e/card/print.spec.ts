import type { StaticServer } from '../../support/static-server';
import { expect, test } from '../fixtures';
import { openPinnedNatoCard, startCardPages } from './card-pages';

// What Backstory leaves on paper: nothing. The mentions' style is tested under print media
// in annotation.spec.ts; this is the card.

let server: StaticServer;
test.beforeAll(async () => {
  server = await startCardPages();
});
test.afterAll(() => server.close());

test('a card left open when the reader prints is not printed', async ({ extension }) => {
  const { page, card } = await openPinnedNatoCard(extension, server);
  const box = await card.box();
  const centre = {
    x: ((box?.left ?? 0) + (box?.right ?? 0)) / 2,
    y: ((box?.top ?? 0) + (box?.bottom ?? 0)) / 2,
  };
  const atCentre = () => page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.localName, centre);
  expect(await atCentre()).toBe('backstory-card');
  await page.emulateMedia({ media: 'print' });
  expect(await atCentre()).not.toBe('backstory-card');
  await page.emulateMedia({ media: 'screen' });
  expect(await atCentre()).toBe('backstory-card');
});
