import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';
import { findChromium } from '../support/chromium';
import { cityCards, loadCards } from '../support/load-cards';
import { firstDifference, settlePage } from '../support/page-settled';
import { corpusDir, NO_CORPUS } from '../support/shared-dir';
import { startStaticServer } from '../support/static-server';
import { expect, test } from './fixtures';

const corpus = corpusDir();
const REPORT = resolve(import.meta.dirname, '../../test-results/corpus-sweep.json');

interface PageFacts {
  text: string;
  elements: number;
  errors: string[];
}

async function facts(page: Page, url: string, waitForScan: boolean): Promise<PageFacts> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // The content script catches its own failures, so as not to break the page, and logs them:
  // a failure to read a page shows here, not as a page error.
  // (Checked by hand with a probe add-on: both browsers hand a content script's console
  // messages to this listener.)
  page.on('console', (message) => {
    if (message.text().startsWith('Backstory:')) errors.push(`logged: ${message.text()}`);
  });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.evaluate(settlePage);
  // The first full scan leaves this mark whether or not it found anything to paint.
  if (waitForScan)
    await page.waitForFunction(() => performance.getEntriesByName('backstory-painted').length > 0, null, {
      timeout: 15_000,
    });
  const { text, elements } = await page.evaluate(() => ({
    // innerText on purpose: what a reader sees (and copies) must not change.
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is compared.
    text: document.body?.innerText ?? '',
    // The whole document: the card's host would go on <html>, not in <body>.
    elements: document.getElementsByTagName('*').length,
  }));
  return { text, elements, errors };
}

test.describe('every corpus page with a 10,000-card dictionary', () => {
  test.skip(!corpus, NO_CORPUS);
  test.setTimeout(600_000);
  let plain: Browser;
  test.beforeAll(async () => {
    plain = await chromium.launch({ executablePath: findChromium(), headless: true, args: ['--no-sandbox'] });
  });
  test.afterAll(() => plain.close());

  test('reads every page without changing it or causing an error', async ({ extension }) => {
    const dir = corpus as string;
    const names = readdirSync(join(dir, 'pages')).sort();
    const terms = cityCards(dir, 10_000);
    await loadCards(extension.context, extension.extensionId, terms);
    const server = await startStaticServer(
      Object.fromEntries(names.map((name) => [`/${name}/`, join(dir, 'pages', name, 'source.html')])),
    );
    const counts: Record<string, number> = {};
    const problems: string[] = [];
    const withExtension = await extension.context.newPage();
    const without = await plain.newPage();
    // The saved pages point at hundreds of remote hosts; offline, refuse them at once.
    for (const page of [withExtension, without]) {
      await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    }
    for (const name of names) {
      const url = server.url(`/${name}/`);
      const started = Date.now();
      const base = await facts(without, url, false);
      const ours = await facts(withExtension, url, true);
      counts[name] = await withExtension.evaluate(() => CSS.highlights.get('backstory-mention')?.size ?? 0);
      if (ours.text !== base.text)
        problems.push(`${name}: body.innerText differs ${firstDifference(ours.text, base.text)}`);
      if (ours.elements !== base.elements)
        problems.push(`${name}: ${ours.elements - base.elements} elements added`);
      const ourErrors = ours.errors.filter((e) => !base.errors.includes(e));
      if (ourErrors.length > 0) problems.push(`${name}: page errors ${ourErrors.join('; ')}`);
      if (process.env.SWEEP_VERBOSE)
        console.log(`${name}: ${counts[name]} mentions, ${Date.now() - started} ms`);
      for (const page of [withExtension, without]) {
        page.removeAllListeners('pageerror');
        page.removeAllListeners('console');
      }
    }
    await server.close();
    mkdirSync(resolve(REPORT, '..'), { recursive: true });
    writeFileSync(REPORT, `${JSON.stringify({ cards: terms.length, mentions: counts }, null, 2)}\n`);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(
      `corpus sweep: ${names.length} pages, ${total} mentions with ${terms.length} cards (${REPORT})`,
    );
    expect(problems).toEqual([]);
    // The mark above is left whether or not anything was found: the dictionary must really
    // paint. A 10,000-city dictionary marks 66 of the 70 pages (session 14).
    expect(names.length).toBeGreaterThan(0);
    const marked = Object.values(counts).filter((count) => count > 0).length;
    expect(marked, 'pages with at least one mention').toBeGreaterThanOrEqual(Math.ceil(names.length * 0.75));
  });
});
