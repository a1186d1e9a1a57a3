// Renders assets/icon.svg to public/icon/<size>.png for every size in lib/icons.ts, in the
// Debian Chromium the end-to-end tests use: `npm run icons`. The PNGs are committed, so a
// build needs no browser; run this after editing the SVG.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { ICON_SIZES, iconPaths } from '../../lib/icons';
import { findChromium } from '../support/chromium';

const root = resolve(import.meta.dirname, '../..');
const svg = readFileSync(resolve(root, 'assets/icon.svg'), 'utf8');
const source = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
const paths = iconPaths();

const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox'] });
try {
  for (const size of ICON_SIZES) {
    // Scale factor 1 and an image drawn at its final size: Chromium rasterises the vector at
    // each size, sharper than any downscale of the largest one.
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}img{display:block}</style>` +
        `<img src="${source}" width="${size}" height="${size}" alt="">`,
    );
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    const png = await page.screenshot({
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size },
    });
    writeFileSync(resolve(root, 'public', paths[String(size)] as string), png);
    await page.close();
    console.log(`public/${paths[String(size)]}: ${size}×${size}`);
  }
} finally {
  await browser.close();
}
