import { type ExtensionBrowser, launchWithExtension } from '../support/launch';
import { missingXTools, startXDisplay, type XDisplay } from '../support/x-display';
import { CardProbe } from './card/card-probe';
import { expect, paintedMentions, test } from './fixtures';

// The keyboard commands as a reader uses them: real keys on the browser's window, handled by
// the browser's own shortcut table, then commands.onCommand in the service worker, the relay
// and the page. The other tests send the relay's message themselves (card.spec.ts), since
// keys sent over the DevTools protocol go to the page and never reach the browser's table.

const missing = missingXTools();
let x: XDisplay;
let browser: ExtensionBrowser;

test.skip(missing !== undefined, `the shortcut key tests are skipped: ${missing}`);

test.beforeAll(async () => {
  x = await startXDisplay();
  browser = await launchWithExtension(undefined, x.display);
});
test.afterAll(async () => {
  await browser?.close();
  await x?.close();
});

/** Puts the keyboard focus on the browser window showing the page titled `title`. */
function focusWindow(title: string): void {
  const pattern = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const [window] = x.xdotool('search', '--sync', '--onlyvisible', '--name', pattern).trim().split('\n');
  if (!window) throw new Error(`no window shows "${title}"`);
  x.xdotool('windowfocus', '--sync', window);
}

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
  const press = (keys: string) => x.xdotool('key', '--clearmodifiers', keys);

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
