// `npm run demo`: opens the demo article in headless Chromium with the built extension,
// prints the mentions Backstory painted and saves a screenshot.

import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { EXTENSION_DIR, launchWithExtension } from '../support/launch';
import { readPainted } from '../support/painted-ranges';
import { startStaticServer } from '../support/static-server';

const SCREENSHOT = resolve(import.meta.dirname, '../../.demo/backstory-demo.png');
const POPUP_SCREENSHOT = resolve(import.meta.dirname, '../../.demo/backstory-popup.png');

async function main(): Promise<void> {
  if (!existsSync(resolve(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}; run "npm run build" first.`);
  }
  const server = await startStaticServer({ '/demo.html': resolve(import.meta.dirname, 'page.html') });
  const browser = await launchWithExtension();
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.goto(server.url('/demo.html'));
    await page.waitForFunction(() => (CSS.highlights.get('backstory-mention')?.size ?? 0) > 0, null, {
      timeout: 10_000,
    });
    const mentions = (await page.evaluate(readPainted, 'backstory-mention')).map((range) => range.text);
    const counts = new Map<string, number>();
    for (const text of mentions) counts.set(text, (counts.get(text) ?? 0) + 1);
    console.log(`Backstory painted ${mentions.length} mentions on the demo page:`);
    for (const [text, count] of [...counts].sort((a, b) => b[1] - a[1])) {
      console.log(`  ${String(count).padStart(3)} × ${text}`);
    }
    mkdirSync(resolve(SCREENSHOT, '..'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    console.log(`Screenshot: ${SCREENSHOT}`);
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 420, height: 580 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup
      .getByRole('heading', { name: 'NATO–Russia Founding Act' })
      .first()
      .waitFor({ timeout: 10_000 });
    await popup.screenshot({ path: POPUP_SCREENSHOT });
    console.log(`The card manager (popup): ${POPUP_SCREENSHOT}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
