/**
 * The corpus as the page benchmark uses it: saved pages served from 127.0.0.1 exactly as
 * stored (page scripts off by the server's CSP), and city names as dictionary terms.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';
import { findChromium } from '../../support/chromium';
import type { TermCard } from '../../support/load-cards';
import { corpusDir, SHARED_DIR } from '../../support/shared-dir';
import { type StaticServer, startStaticServer } from '../../support/static-server';

/** One saved page and the corpus's measure of its visible text. */
export interface CorpusPage {
  name: string;
  visibleChars: number;
}

/** The corpus pages in name order, the first `limit` of them when a limit is given. */
export function listPages(corpus: string, limit?: number): CorpusPage[] {
  const dir = join(corpus, 'pages');
  const names = readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'source.html')))
    .sort();
  return names.slice(0, limit ?? names.length).map((name) => {
    const meta = JSON.parse(readFileSync(join(dir, name, 'metadata.json'), 'utf8')) as {
      corpus?: { visibleTextLength?: number };
    };
    return { name, visibleChars: meta.corpus?.visibleTextLength ?? Number.NaN };
  });
}

/**
 * The `count` most prominent city names (names under 2 characters skipped), which is how
 * the issue defines the 1k, 10k and 100k dictionaries.
 */
export function cityTerms(corpus: string, count: number): string[] {
  const names = JSON.parse(readFileSync(join(corpus, 'terms/cities-all.json'), 'utf8')) as string[];
  const terms = names.filter((name) => name.trim().length >= 2).slice(0, count);
  if (terms.length < count) throw new Error(`cities-all.json has only ${terms.length} usable names`);
  return terms;
}

/** `count` items spread evenly over `items`, from its first (all of them when fewer). */
export function spread<T>(items: readonly T[], count: number): T[] {
  const n = Math.min(count, items.length);
  return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)] as T);
}

/** The dictionary as cards, one per name. */
export function cityCards(terms: string[]): TermCard[] {
  return terms.map((title, i) => ({ id: `city-${i}`, title }));
}

/** Path of the small page that warms the matcher up after a dictionary is loaded. */
export const WARMUP_PATH = '/warmup/';

export const WARMUP_PAGE = `<!doctype html><html><head><title>warm-up</title></head><body>
<p>A short page read once after each dictionary is loaded, so the matcher is compiled before
pages are timed. London, Paris and Tokyo are here so it paints something.</p></body></html>`;

/** Serves every corpus page at `/<name>/` and the warm-up page. */
export function servePages(corpus: string, pages: CorpusPage[]): Promise<StaticServer> {
  const routes = Object.fromEntries(
    pages.map((p) => [`/${p.name}/`, join(corpus, 'pages', p.name, 'source.html')]),
  );
  return startStaticServer({ ...routes, [WARMUP_PATH]: { body: WARMUP_PAGE } });
}

/**
 * The saved pages point at hundreds of remote hosts; there is no network here, so refuse
 * those requests at once instead of letting each wait for a connection that cannot come.
 */
export async function refuseRemote(page: Page): Promise<void> {
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
}

/**
 * A Chromium without the extension, for what the pages cost with nothing added: headless,
 * or with a window on the X display `display` when one is given.
 */
export function launchPlainChromium(display?: string): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    headless: display === undefined,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-quic'],
    ...(display === undefined ? {} : { env: { ...process.env, DISPLAY: display } }),
  });
}

/**
 * What a page benchmark needs before it starts: the shared corpus (its directory is
 * returned) and a built extension at `build`. Without either it says which, and how to get
 * it, and exits with status 2.
 */
export function requireCorpusAndBuild(bench: string, build: string, buildCommand = 'npx wxt build'): string {
  const corpus = corpusDir();
  if (!corpus) {
    console.error(`${bench} needs the shared corpus (${SHARED_DIR}); set BACKSTORY_SHARED.`);
    process.exit(2);
  }
  if (!existsSync(join(build, 'manifest.json'))) {
    console.error(`No built extension at ${build}; run "${buildCommand}" first.`);
    process.exit(2);
  }
  return corpus;
}
