import type { Page } from '@playwright/test';
import { loadCards } from '../support/load-cards';
import { readPainted } from '../support/painted-ranges';
import type { StaticServer } from '../support/static-server';
import { openPinnedNatoCard, startCardPages } from './card/card-pages';
import { expect, test } from './fixtures';
import { ManagerPage } from './popup/manager-page';

// Forced colours (Windows contrast themes, emulated here) replace every colour a page sets
// with one of the system's, except system colours themselves. A state drawn only by a
// colour, such as the bar under the chosen tab, would vanish; these tests check that each
// one Backstory draws stays visible.

let server: StaticServer;
test.beforeAll(async () => {
  server = await startCardPages();
});
test.afterAll(() => server.close());

/** Computed colours of the first element matching each selector, and the body's background. */
function colours(page: Page, selectors: Record<string, [selector: string, property: string]>) {
  return page.evaluate((wanted) => {
    const found: Record<string, string | undefined> = {
      background: getComputedStyle(document.body).backgroundColor,
    };
    for (const [key, [selector, property]] of Object.entries(wanted)) {
      const element = document.querySelector(selector);
      found[key] = element ? getComputedStyle(element).getPropertyValue(property) : undefined;
    }
    return found;
  }, selectors);
}

test('the manager marks the chosen tab and the active row in forced colours', async ({ extension }) => {
  const manager = await ManagerPage.open(extension);
  const { page } = manager;
  await page.emulateMedia({ forcedColors: 'active' });
  const tabs = await colours(page, {
    chosen: ['.panel-tabs__tab[aria-selected="true"]', 'border-bottom-color'],
    other: ['.panel-tabs__tab[aria-selected="false"]', 'border-bottom-color'],
  });
  expect(tabs.chosen).toBeDefined();
  // Only the chosen tab's bar shows: the others' is the colour of the page behind it.
  expect(tabs.other).toBe(tabs.background);
  expect(tabs.chosen).not.toBe(tabs.background);

  // The active row (the one in the tab order) loses its tint; a bar at its start stays.
  await manager.search.fill('nato');
  await manager.search.press('ArrowDown');
  const row = await colours(page, {
    width: ['.card-row--active', 'border-inline-start-width'],
    bar: ['.card-row--active', 'border-inline-start-color'],
    plain: ['.card-row:not(.card-row--active)', 'border-inline-start-width'],
  });
  expect(row.width).toBe('4px');
  expect(row.bar).not.toBe(row.background);
  expect(row.plain).toBe('0px');
});

test('the card marks the chosen card of a shared term, and mentions stay painted, in forced colours', async ({
  extension,
}) => {
  // A second card that "NATO" also refers to, so the card shows its chooser.
  await loadCards(extension.context, extension.extensionId, [
    { id: 'nato-summits', title: 'NATO summits', aliases: ['NATO'] },
  ]);
  const { page, card } = await openPinnedNatoCard(extension, server);
  await page.emulateMedia({ forcedColors: 'active' });
  const chips = await card.inCard<Record<string, string>>(`function () {
    const style = (selector) => getComputedStyle(this.querySelector(selector));
    const chosen = style('.bs-chip-button[aria-pressed="true"]');
    const other = style('.bs-chip-button[aria-pressed="false"]');
    return { chosen: chosen.backgroundColor, chosenText: chosen.color, other: other.backgroundColor };
  }`);
  expect(chips?.chosen).not.toBe(chips?.other);
  expect(chips?.chosenText).not.toBe(chips?.chosen);

  // Chromium paints custom highlights in the system's highlight colours here, whatever the
  // page's or Backstory's style says: a mention clear of the card still shows on screen.
  const cardBox = await card.box();
  const viewport = page.viewportSize() ?? { width: 0, height: 0 };
  const mention = (await page.evaluate(readPainted, 'backstory-mention')).find(
    ({ box }) =>
      box.top >= 0 &&
      box.bottom + 4 <= viewport.height &&
      box.right <= viewport.width &&
      (!cardBox || box.bottom < cardBox.top || box.top > cardBox.bottom),
  );
  if (!mention) throw new Error('no painted mention on screen clear of the card');
  const { left, top, right, bottom } = mention.box;
  const clip = { x: left, y: top, width: right - left, height: bottom - top + 4 };
  const painted = await page.screenshot({ clip });
  await page.evaluate(() => {
    const registry = CSS.highlights as unknown as Map<string, unknown> & { saved?: unknown };
    registry.saved = registry.get('backstory-mention');
    registry.delete('backstory-mention');
  });
  const bare = await page.screenshot({ clip });
  await page.evaluate(() => {
    const registry = CSS.highlights as unknown as Map<string, unknown> & { saved?: unknown };
    registry.set('backstory-mention', registry.saved);
  });
  expect(painted.equals(bare), `"${mention.text}" looks the same with and without its highlight`).toBe(false);
});
