import type { Browser as FirefoxBrowser } from 'puppeteer-core';
import { findFirefox, launchFirefoxWithExtension, mentions, NO_FIREFOX } from '../support/firefox';
import { type ExtensionBrowser, launchWithExtension } from '../support/launch';
import { readPainted } from '../support/painted-ranges';
import { missingXTools, startXDisplay, type XDisplay } from '../support/x-display';
import { CardProbe } from './card/card-probe';
import { expect, paintedMentions, test } from './fixtures';

// The keyboard commands as a reader uses them: real keys on the browser's window, handled by
// the browser's own shortcut table, then commands.onCommand in the background, the relay
// and the page. The other tests send the relay's message themselves (card.spec.ts,
// firefox-popup.spec.ts), since keys sent over the DevTools protocol or WebDriver BiDi go to
// the page and never reach the browser's table.

const missing = missingXTools();
let x: XDisplay;

test.skip(missing !== undefined, `the shortcut key tests are skipped: ${missing}`);

test.beforeAll(async () => {
  x = await startXDisplay();
});
test.afterAll(async () => {
  await x?.close();
});

/** Presses keys (xdotool's names, such as "alt+shift+period") on the focused window. */
function press(keys: string): void {
  x.xdotool('key', '--clearmodifiers', keys);
}

/** Puts the keyboard focus on the browser window showing the page titled `title`. */
function focusWindow(title: string): void {
  const pattern = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const [window] = x.xdotool('search', '--sync', '--onlyvisible', '--name', pattern).trim().split('\n');
  if (!window) throw new Error(`no window shows "${title}"`);
  x.xdotool('windowfocus', '--sync', window);
}

test.describe('Chromium', () => {
  let browser: ExtensionBrowser;
  test.beforeAll(async () => {
    browser = await launchWithExtension(undefined, x.display);
  });
  test.afterAll(async () => {
    await browser?.close();
  });

  test('Alt+Shift+. and Alt+Shift+, pressed on the browser window walk the mentions and open each card', async ({
    server,
  }) => {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(server.url('/demo.html'));
    const card = await CardProbe.attach(page);
    await card.mention('NATO');
    await card.settle();
    const painted = await paintedMentions(page);
    expect(painted[1]).not.toBe(painted[0]);
    // Without a window manager the X focus alone does not reach the page's view; the
    // DevTools call gives it the browser's focus, as a reader's click on the tab would.
    await page.bringToFront();
    focusWindow(await page.title());

    press('alt+shift+period');
    await expect.poll(() => card.activeMention()).toBe(painted[0]);
    expect(await card.focused()).toBe('dialog');
    press('Escape');
    await expect.poll(() => card.isOpen()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('body');

    press('alt+shift+period');
    await expect.poll(() => card.activeMention()).toBe(painted[1]);
    press('alt+shift+comma');
    await expect.poll(() => card.activeMention()).toBe(painted[0]);
  });
});

/**
 * Runs in a Firefox page: a point on the screen, in whole pixels, where the page shows only
 * its own background, low on the window (the page's `<html>` or `<body>` is hit there).
 */
function blankSpot(): { x: number; y: number } | undefined {
  const screen = window as unknown as { mozInnerScreenX: number; mozInnerScreenY: number };
  for (let y = innerHeight - 5; y > 0; y -= 10) {
    for (let x = innerWidth - 30; x > 0; x -= 10) {
      const hit = document.elementFromPoint(x, y)?.localName;
      if (hit === 'html' || hit === 'body')
        return { x: Math.round(screen.mozInnerScreenX + x), y: Math.round(screen.mozInnerScreenY + y) };
    }
  }
  return undefined;
}

test.describe('Firefox', () => {
  const executable = findFirefox();
  test.skip(!executable, NO_FIREFOX);
  let browser: FirefoxBrowser;
  test.beforeAll(async () => {
    browser = await launchFirefoxWithExtension(executable as string, undefined, {}, x.display);
  });
  test.afterAll(async () => {
    await browser?.close();
  });

  test('Firefox: Alt+Shift+. and Alt+Shift+, pressed on the browser window walk the mentions', async ({
    server,
  }) => {
    const [page] = await browser.pages();
    if (!page) throw new Error('Firefox has no tab');
    await page.goto(server.url('/demo.html'));
    await expect.poll(() => mentions(page), { timeout: 10_000 }).toContain('NATO');
    const painted = await mentions(page);
    expect(painted[1]).not.toBe(painted[0]);
    const active = () =>
      page.evaluate(readPainted, 'backstory-active').then((open) => open.map((r) => r.text));
    const focused = () => page.evaluate(() => document.activeElement?.localName);
    await page.bringToFront();
    focusWindow(await page.title());
    // With no window manager, Firefox takes its own shortcuts from the display but gives its
    // page no key until the page is clicked, as a reader would click it to read it.
    const blank = await page.evaluate(blankSpot);
    if (!blank) throw new Error('no blank spot to click on the page');
    x.xdotool('mousemove', String(blank.x), String(blank.y), 'click', '1');

    press('alt+shift+period');
    await expect.poll(active).toEqual([painted[0]]);
    // Focus is inside the card, whose closed shadow root shows from outside only as its host.
    await expect.poll(focused).toBe('backstory-card');
    press('Escape');
    await expect.poll(active).toEqual([]);
    expect(await focused()).toBe('body');

    press('alt+shift+period');
    await expect.poll(active).toEqual([painted[1]]);
    press('alt+shift+comma');
    await expect.poll(active).toEqual([painted[0]]);
  });
});
