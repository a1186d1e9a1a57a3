// `npx wxt build && npx tsx tests/e2e/card/screenshots.ts`: photographs the card on the demo
// article, once with the card's theme set to light and once to dark, for the docs. (With
// "auto" the card would match the demo page's white background both times.)
import { resolve } from 'node:path';
import { DEFAULT_PREFERENCES, PREFERENCES_KEY } from '@/lib/protocol/preferences';
import { launchWithExtension } from '../../support/launch';
import { putRecord } from '../../support/load-cards';
import { startStaticServer } from '../../support/static-server';
import { CardProbe } from './card-probe';

const IMAGES = resolve(import.meta.dirname, '../../../docs/images');
const MARGIN = 24;
// Enough of the article left of the mention to read the sentence it is in.
const CONTEXT = 200;

async function main(): Promise<void> {
  const server = await startStaticServer({
    '/demo.html': resolve(import.meta.dirname, '../../demo/page.html'),
  });
  const browser = await launchWithExtension();
  try {
    for (const colorScheme of ['light', 'dark'] as const) {
      await putRecord(browser.context, browser.extensionId, 'settings', {
        key: PREFERENCES_KEY,
        value: { ...DEFAULT_PREFERENCES, theme: colorScheme },
      });
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 1000, height: 820 });
      await page.emulateMedia({ colorScheme });
      await page.goto(server.url('/demo.html#founding-act'));
      const card = await CardProbe.attach(page);
      await card.settle();
      const mention = await card.mention('Founding Act');
      await page.mouse.move(mention.x, mention.y);
      await page.waitForFunction(() => CSS.highlights.has('backstory-active'));
      const box = await card.box();
      if (!box) throw new Error('The card did not open');
      const left = Math.max(0, Math.min(mention.left, box.left) - CONTEXT);
      const top = Math.max(0, mention.top - MARGIN);
      const path = resolve(IMAGES, `card-${colorScheme}.png`);
      await page.screenshot({
        path,
        clip: { x: left, y: top, width: box.right + CONTEXT - left, height: box.bottom + MARGIN - top },
      });
      console.log(`Saved ${path}`);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
