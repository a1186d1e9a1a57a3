import type { Page } from '@playwright/test';
import { loadCards } from '../support/load-cards';
import { type PaintedBox, readPainted } from '../support/painted-ranges';
import { commonColours, contrastRatio } from '../support/pixels';
import type { StaticServer } from '../support/static-server';
import { openPinnedNatoCard, startCardPages } from './card/card-pages';
import { decodePixels, expect, test } from './fixtures';
import { ManagerPage } from './popup/manager-page';

// Forced colours (Windows contrast themes, emulated here) replace every colour a page sets
// with one of the system's, except system colours themselves. A state drawn only by a
// colour, such as the bar under the chosen tab, would vanish; these tests check that each
// one Backstory draws stays visible, in a light and in a dark contrast theme (Chromium
// picks its dark palette when the page is also told the reader prefers dark).

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

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the manager marks the chosen tab and the active row in forced colours (${colorScheme})`, async ({
    extension,
  }) => {
    const manager = await ManagerPage.open(extension);
    const { page } = manager;
    await page.emulateMedia({ forcedColors: 'active', colorScheme });
    const tabs = await colours(page, {
      chosen: ['.panel-tabs__tab[aria-selected="true"]', 'border-bottom-color'],
      other: ['.panel-tabs__tab[aria-selected="false"]', 'border-bottom-color'],
    });
    const background = tabs.background ?? '';
    // Only the chosen tab's bar shows, at WCAG's 3:1 for what shows a state: the others' is
    // the colour of the page behind it.
    expect(tabs.other).toBe(background);
    expect(contrastRatio(tabs.chosen ?? '', background)).toBeGreaterThanOrEqual(3);

    // The active row (the one in the tab order) loses its tint; a bar at its start stays.
    await manager.search.fill('nato');
    await manager.search.press('ArrowDown');
    const row = await colours(page, {
      width: ['.card-row--active', 'border-inline-start-width'],
      bar: ['.card-row--active', 'border-inline-start-color'],
      plain: ['.card-row:not(.card-row--active)', 'border-inline-start-width'],
    });
    expect(row.width).toBe('4px');
    expect(contrastRatio(row.bar ?? '', row.background ?? '')).toBeGreaterThanOrEqual(3);
    expect(row.plain).toBe('0px');
  });

  test(`the card marks the chosen card of a shared term, and mentions stay painted, in forced colours (${colorScheme})`, async ({
    extension,
  }) => {
    // A second card that "NATO" also refers to, so the card shows its chooser.
    await loadCards(extension.context, extension.extensionId, [
      { id: 'nato-summits', title: 'NATO summits', aliases: ['NATO'] },
    ]);
    const { page, card } = await openPinnedNatoCard(extension, server);
    await page.emulateMedia({ forcedColors: 'active', colorScheme });
    const chips = await card.inCard<Record<string, string>>(`function () {
    const style = (selector) => getComputedStyle(this.querySelector(selector));
    const chosen = style('.bs-chip-button[aria-pressed="true"]');
    const other = style('.bs-chip-button[aria-pressed="false"]');
    return { chosen: chosen.backgroundColor, chosenText: chosen.color, other: other.backgroundColor };
  }`);
    expect(chips?.chosen).not.toBe(chips?.other);
    expect(contrastRatio(chips?.chosenText ?? '', chips?.chosen ?? '')).toBeGreaterThanOrEqual(4.5);

    // Chromium draws custom highlights in colours of its own here, whatever the page's or
    // Backstory's style says (the Firefox build's rules for this mode change nothing here):
    // mentions get a dark underline, the one whose card is open a dark fill. Both show, and
    // they differ, on a mention clear of the card.
    const cardBox = await card.box();
    const viewport = page.viewportSize() ?? { width: 0, height: 0 };
    const [active] = await page.evaluate(readPainted, 'backstory-active');
    if (!active) throw new Error('the open card has no active mention');
    const apart = (a: PaintedBox, b: PaintedBox) => a.bottom < b.top || a.top > b.bottom;
    const mention = (await page.evaluate(readPainted, 'backstory-mention')).find(
      ({ box }) =>
        box.top >= 0 &&
        box.bottom + 4 <= viewport.height &&
        box.right <= viewport.width &&
        apart(box, active.box) &&
        (!cardBox || apart(box, cardBox)),
    );
    if (!mention) throw new Error('no painted mention on screen clear of the card and the open mention');
    const shoot = ({ left, top, right, bottom }: PaintedBox) =>
      page.screenshot({ clip: { x: left, y: top, width: right - left, height: bottom - top + 4 } });
    const [painted, paintedActive] = [await shoot(mention.box), await shoot(active.box)];
    await page.evaluate(() => CSS.highlights.clear());
    expect(painted.equals(await shoot(mention.box)), `"${mention.text}" looks the same unmarked`).toBe(false);
    expect(paintedActive.equals(await shoot(active.box)), 'the open mention looks the same unmarked').toBe(
      false,
    );
    const mostUsed = async (shot: Buffer) =>
      commonColours(await decodePixels(extension.context, shot))[0]?.[0];
    const [mentionColour, activeColour] = [await mostUsed(painted), await mostUsed(paintedActive)];
    expect(activeColour, 'the open mention looks like the others').not.toBe(mentionColour);
  });
}
