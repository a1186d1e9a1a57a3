import { resolve } from 'node:path';
import { GRACE_MS } from '@/lib/content/card/hover-intent';
import { DEFAULT_PREFERENCES, PREFERENCES_KEY } from '@/lib/protocol/preferences';
import { openExtensionPage } from '../support/firefox';
import { FirefoxCardProbe } from '../support/firefox-card';
import { putRecordHere, type RecordWrite } from '../support/load-cards';
import { mentionBox } from './firefox-pointer';
import { useFirefoxSuite } from './firefox-suite';
import { DEMO_PAGE, expect, test } from './fixtures';

// The card in Firefox, read inside its closed shadow root over WebDriver BiDi
// (tests/support/firefox-card.ts): what it says, axe-core, and pinning. Placement:
// firefox-card-placement.spec.ts; the keyboard commands: firefox-popup.spec.ts. Chromium's
// counterparts are in card.spec.ts and card/safety.spec.ts.
// Page scripts on: the component page defines its custom element with one.
const firefox = useFirefoxSuite(
  {
    '/demo.html': DEMO_PAGE,
    '/edges.html': resolve(import.meta.dirname, 'card/edges.html'),
    '/component.html': resolve(import.meta.dirname, 'card/component.html'),
    '/escape-trap.html': resolve(import.meta.dirname, 'card/escape-trap.html'),
  },
  {},
  { scripts: true },
);

/** Opens a page (the demo article by default) and rests the pointer on NATO until its card is open. */
async function openNatoCard(path = '/demo.html') {
  const page = await firefox.browser.newPage();
  await page.goto(firefox.pages.url(path));
  const card = new FirefoxCardProbe(page);
  const nato = await mentionBox(page, 'NATO');
  await page.mouse.move(nato.x, nato.y);
  await expect.poll(() => card.isOpen(), { timeout: 5000 }).toBe(true);
  return { page, card, nato };
}

/** Stores the card theme, as the popup's setting does; the next scan of a page takes it. */
async function setTheme(theme: 'light' | 'dark' | 'auto'): Promise<void> {
  const settings = await firefox.browser.newPage();
  await openExtensionPage(settings, 'popup.html', '[role=tab]');
  const write: RecordWrite = {
    store: 'settings',
    record: { key: PREFERENCES_KEY, value: { ...DEFAULT_PREFERENCES, theme } },
  };
  await settings.evaluate(putRecordHere, write);
  await settings.close();
}

test('Firefox: the open card is a dialog named by its title, with its summary, and no axe-core violations in light and dark', async () => {
  const backgrounds: (string | undefined)[] = [];
  try {
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(theme);
      const { page, card } = await openNatoCard();
      const state = await card.state();
      expect(state?.name).toBe('NATO');
      expect(state?.summary).toContain('North Atlantic Treaty Organization');
      expect(state?.pinned).toBe('false');
      backgrounds.push(state?.background);
      const inPlace = await card.axe();
      expect(inPlace.violations, theme).toEqual([]);
      expect(inPlace.passes.length, theme).toBeGreaterThan(5);
      const contrast = await card.axe({ inBody: true, rules: ['color-contrast'] });
      expect(contrast.violations, theme).toEqual([]);
      expect(contrast.incomplete, theme).toEqual([]);
      expect(contrast.passes, theme).toContain('color-contrast');
      // The run gave the host its root only for the check: the page's world sees none again.
      expect(await page.evaluate(() => document.querySelector('backstory-card')?.shadowRoot)).toBeNull();
      await page.close();
    }
  } finally {
    // Back to the default, for the tests after this one, whatever happened above.
    await setTheme('auto');
  }
  // The setting reached the card: light and dark are not the same card.
  expect(backgrounds[0]).not.toBe(backgrounds[1]);
});

test('Firefox: a card opens under its mention, closes when the pointer leaves; pinned, it stays until Escape', async () => {
  const { page, card, nato: mention } = await openNatoCard();
  // Under the mention (Floating UI's 6 px offset, plus rounding), aligned to its start.
  const box = await card.box();
  expect((box?.top ?? Number.NaN) - mention.bottom).toBeGreaterThanOrEqual(0);
  expect((box?.top ?? Number.NaN) - mention.bottom).toBeLessThanOrEqual(10);
  expect(Math.abs((box?.left ?? Number.NaN) - mention.left)).toBeLessThanOrEqual(1);
  await page.mouse.move(5, 5);
  await expect.poll(() => card.isOpen(), { timeout: 5000 }).toBe(false);
  // Closed, its host is off the page: nothing tells the page a card was opened.
  expect(await card.hasHost()).toBe(false);

  const nato = await mentionBox(page, 'NATO');
  await page.mouse.move(nato.x, nato.y);
  await expect.poll(() => card.isOpen(), { timeout: 5000 }).toBe(true);
  await card.pressControl('Pin card');
  expect((await card.state())?.pinned).toBe('true');
  // A press on the page takes focus out of the card (a focused card stays for that reason
  // alone) and leaves a pinned card open; so does the pointer staying away past the grace.
  await page.mouse.click(5, 5);
  expect(await card.inCard<boolean>('function () { return this.activeElement === null; }')).toBe(true);
  await new Promise((resolve) => setTimeout(resolve, GRACE_MS + 500));
  expect(await card.isOpen()).toBe(true);
  await page.keyboard.press('Escape');
  await expect.poll(() => card.isOpen(), { timeout: 5000 }).toBe(false);
  expect(await card.hasHost()).toBe(false);
  await page.close();
});

test('Firefox: Escape closes the card on a page whose own first listener stops every Escape', async () => {
  // The early script's listener comes first only if Firefox gives both content scripts one
  // global object, as Chromium does.
  const { page, card } = await openNatoCard('/escape-trap.html');
  await page.keyboard.press('Escape');
  await expect.poll(() => card.isOpen(), { timeout: 5000 }).toBe(false);
  expect(await page.evaluate(() => (window as unknown as { escapesSeen: number }).escapesSeen)).toBe(1);
  await page.close();
});

test('Firefox: a mention inside a component’s open shadow root opens its card on hover', async () => {
  const page = await firefox.browser.newPage();
  await page.goto(firefox.pages.url('/component.html'));
  const card = new FirefoxCardProbe(page);
  const kremlin = await mentionBox(page, 'Kremlin');
  await page.mouse.move(kremlin.x, kremlin.y);
  await expect.poll(() => card.isOpen(), { timeout: 5000 }).toBe(true);
  const title = await card.inCard<string>(
    'function () { return this.querySelector(".bs-title")?.textContent; }',
  );
  expect(title).toBe('Kremlin');
  await page.close();
});

test('Firefox: a card by the bottom right corner flips above its mention and stays inside the window', async () => {
  const { page, card, nato } = await openNatoCard('/edges.html');
  const box = await card.box();
  const size = await page.evaluate(() => ({ width: innerWidth, height: innerHeight }));
  expect(box?.left).toBeGreaterThanOrEqual(0);
  expect(box?.top).toBeGreaterThanOrEqual(0);
  expect(box?.right).toBeLessThanOrEqual(size.width);
  expect(box?.bottom).toBeLessThanOrEqual(nato.top);
  await page.close();
});
