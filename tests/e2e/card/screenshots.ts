// `npx wxt build && npx tsx tests/e2e/card/screenshots.ts`: photographs the card on the demo
// article, once with the reader's system in light mode and once in dark mode, for the docs.
import { resolve } from 'node:path';
import { launchWithExtension } from '../../support/launch';
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
