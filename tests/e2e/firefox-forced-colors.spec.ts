import type { Page } from 'puppeteer-core';
import { AXE_REPORT, AXE_SOURCE, type AxeReport } from '../support/axe';
import { mentions, openExtensionPage, screenPixels } from '../support/firefox';
import { FirefoxCardProbe } from '../support/firefox-card';
import { type PaintedBox, readPainted } from '../support/painted-ranges';
import { commonColours } from '../support/pixels';
import { restOn } from './firefox-pointer';
import { useFirefoxSuite } from './firefox-suite';
import { DEMO_PAGE, expect, test } from './fixtures';

// Firefox in forced colours, as a reader gets it with a Windows contrast theme or with
// "Override the colours specified by the page: Always" (the pref set here). The page's
// colours, Backstory's tint among them, give way to the theme's; only system colours stay.
const firefox = useFirefoxSuite({ '/demo.html': DEMO_PAGE }, { 'browser.display.document_color_use': 2 });

/** The colours of `box` (viewport coordinates) on screen, most used first. */
async function coloursOn(page: Page, box: PaintedBox): Promise<[string, number][]> {
  return commonColours(await screenPixels(page, box), 3);
}

/** Whether two boxes overlap. */
function overlap(a: PaintedBox, b: PaintedBox): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

test('Firefox: in forced colours mentions still show, the one whose card is open stands apart, and the card passes axe-core', async () => {
  const page = await firefox.browser.newPage();
  await page.goto(firefox.pages.url('/demo.html'));
  await expect.poll(() => mentions(page), { timeout: 10_000 }).toContain('NATO');
  expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
  const painted = await page.evaluate(readPainted, 'backstory-mention');
  const nato = painted.find((p) => p.text === 'NATO');
  if (!nato) throw new Error('NATO is not painted');
  const card = new FirefoxCardProbe(page);
  const cardBox = await restOn(page, card, nato.box);
  if (!cardBox) throw new Error('the card did not open');
  const viewport = await page.evaluate(() => ({ width: innerWidth, height: innerHeight }));
  const other = painted.find(
    ({ box }) =>
      box.top >= 0 && box.bottom <= viewport.height && !overlap(box, nato.box) && !overlap(box, cardBox),
  );
  if (!other) throw new Error('no other mention on screen clear of the card');
  const [active] = await coloursOn(page, nato.box);
  const [mention] = await coloursOn(page, other.box);
  // The same places with no highlight at all: the page's own forced colours.
  await page.evaluate(() => CSS.highlights.clear());
  const [bareActive] = await coloursOn(page, nato.box);
  const [bareMention] = await coloursOn(page, other.box);
  expect(mention?.[0], `"${other.text}" looks as it would unmarked`).not.toBe(bareMention?.[0]);
  expect(active?.[0], 'the open mention looks as it would unmarked').not.toBe(bareActive?.[0]);
  expect(active?.[0], 'the open mention looks like the others').not.toBe(mention?.[0]);
  // The card itself passes axe-core in this mode, contrast included.
  const inPlace = await card.axe();
  expect(inPlace.violations).toEqual([]);
  expect(inPlace.passes.length).toBeGreaterThan(5);
  const contrast = await card.axe({ inBody: true, rules: ['color-contrast'] });
  expect(contrast.violations).toEqual([]);
  expect(contrast.incomplete).toEqual([]);
  expect(contrast.passes).toContain('color-contrast');
  await page.close();
});

test('Firefox: in forced colours the manager still marks the chosen tab and the active row, and passes axe-core', async () => {
  const manager = await firefox.browser.newPage();
  await openExtensionPage(manager, 'popup.html', 'ul[aria-label=Cards] li');
  expect(await manager.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
  const style = (selector: string, property: string) =>
    manager.evaluate(
      (selector, property) => {
        const element = document.querySelector(selector);
        return element ? getComputedStyle(element).getPropertyValue(property) : undefined;
      },
      selector,
      property,
    );
  const background = await style('body', 'background-color');
  // Only the chosen tab's bar shows: the others' is the colour of the page behind it.
  expect(await style('.panel-tabs__tab[aria-selected="false"]', 'border-bottom-color')).toBe(background);
  const chosen = await style('.panel-tabs__tab[aria-selected="true"]', 'border-bottom-color');
  expect(chosen).toBeDefined();
  expect(chosen).not.toBe(background);
  // The active row (the one in the tab order) keeps a bar at its start.
  await manager.type('input[type=search]', 'nato');
  await manager.keyboard.press('ArrowDown');
  await expect.poll(() => style('.card-row--active', 'border-inline-start-width')).toBe('4px');
  expect(await style('.card-row--active', 'border-inline-start-color')).not.toBe(background);
  expect(await style('.card-row:not(.card-row--active)', 'border-inline-start-width')).toBe('0px');
  await manager.evaluate(AXE_SOURCE);
  const report = (await manager.evaluate(AXE_REPORT)) as AxeReport;
  expect(report.violations).toEqual([]);
  expect(report.incomplete).toEqual([]);
  expect(report.passes).toContain('color-contrast');
  await manager.close();
});
