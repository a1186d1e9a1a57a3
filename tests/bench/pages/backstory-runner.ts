/**
 * Backstory's side of the page benchmark: a headless Chromium with the built extension,
 * dictionaries loaded into its database, and one visit per page that reads the timing the
 * content script left on the page's timeline.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { EXTENSION_DIR, type ExtensionBrowser, launchWithExtension } from '../../support/launch';
import { clearCardsHere, loadCards, type TermCard } from '../../support/load-cards';
import type { StaticServer } from '../../support/static-server';
import { refuseRemote, WARMUP_PATH } from './corpus-pages';
import { collectLongTasks, readTimeline, type ScanFigures, scanFigures } from './timeline';
import { WorkerStopper } from './worker-restart';

/** How long a page may take to be painted before it counts as never painted. */
const PAINT_TIMEOUT_MS = 30_000;
/** A restarted worker (or one that just got new cards) may compile the whole dictionary: allow longer. */
const COLD_PAINT_TIMEOUT_MS = 120_000;

/** Names, sizes and modification times of every file in a build, to notice a rebuild. */
function buildStamp(dir: string): string {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((file) => {
      const stat = statSync(join(dir, file));
      return `${file}:${stat.size}:${stat.mtimeMs}`;
    })
    .join('\n');
}

/** A private copy of the build, or undefined when it changed (or vanished) while copied. */
function tryCopy(build: string): string | undefined {
  const copy = mkdtempSync(join(tmpdir(), 'backstory-bench-build-'));
  try {
    const before = buildStamp(build);
    cpSync(build, copy, { recursive: true });
    if (buildStamp(build) === before) return copy;
  } catch {
    // A build deleting and writing files under us; try again.
  }
  rmSync(copy, { recursive: true, force: true });
  return undefined;
}

/**
 * Copies the build to a private folder, so a rebuild by someone else during the run cannot
 * change the extension under test; copies again if the build changed while it was copied.
 */
async function copyBuild(build: string): Promise<string> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const copy = tryCopy(build);
    if (copy) return copy;
    await new Promise((wake) => setTimeout(wake, 3000));
  }
  throw new Error(`${build} kept changing while it was copied; is a build running?`);
}

/** Empties the extension's card store (seed cards too), so a dictionary is exactly its cards. */
async function clearCards(context: BrowserContext, extensionId: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await page.evaluate(clearCardsHere);
  await page.close();
}

/** A Chromium with Backstory, one tab that visits pages, and a way to stop its worker. */
export class BackstoryRunner {
  private constructor(
    private readonly browser: ExtensionBrowser,
    private readonly tab: Page,
    private readonly stopper: WorkerStopper,
    private readonly server: StaticServer,
    private readonly buildCopy: string,
  ) {}

  /**
   * Launches Chromium with a private copy of the build (others may rebuild .output while
   * this runs) and lets the worker install its seeds, so clearing the cards sticks.
   * `build` is the unpacked extension to load: this tree's build unless told otherwise.
   * Headless, or with a window on the X display `display` when one is given.
   */
  static async open(server: StaticServer, build = EXTENSION_DIR, display?: string): Promise<BackstoryRunner> {
    const buildCopy = await copyBuild(build);
    const browser = await launchWithExtension(buildCopy, display);
    const tab = await browser.context.newPage();
    await refuseRemote(tab);
    await collectLongTasks(tab);
    const stopper = await WorkerStopper.attach(browser.context, tab, browser.extensionId);
    const runner = new BackstoryRunner(browser, tab, stopper, server, buildCopy);
    if ((await runner.warmUp()) === undefined) {
      await runner.close();
      throw new Error(
        'Backstory did not paint the warm-up page: is the build complete and current? (run "npx wxt build")',
      );
    }
    return runner;
  }

  /** Replaces all cards with `cards`; the worker rebuilds its matcher on the next scan. */
  async loadDictionary(cards: TermCard[]): Promise<void> {
    await clearCards(this.browser.context, this.browser.extensionId);
    await loadCards(this.browser.context, this.browser.extensionId, cards);
  }

  /**
   * Visits the small warm-up page and returns its time to painted: after a dictionary was
   * loaded, this includes reading the cards and compiling the matcher in the worker.
   */
  async warmUp(): Promise<number | undefined> {
    await this.tab.goto(this.server.url(WARMUP_PATH), { waitUntil: 'domcontentloaded' });
    return scanFigures(await readTimeline(this.tab, COLD_PAINT_TIMEOUT_MS)).paintedMs;
  }

  /** Loads one corpus page and returns Backstory's figures for its first scan. */
  async visit(name: string, timeoutMs = PAINT_TIMEOUT_MS): Promise<ScanFigures> {
    await this.tab.goto(this.server.url(`/${name}/`), { waitUntil: 'domcontentloaded' });
    return scanFigures(await readTimeline(this.tab, timeoutMs));
  }

  /** Stops the service worker, then loads the page: its first scan waits for a cold worker. */
  async visitAfterRestart(name: string): Promise<ScanFigures> {
    await this.stopWorker();
    return this.visit(name, COLD_PAINT_TIMEOUT_MS);
  }

  /** Leaves the last page (so nothing wakes the worker again) and stops the worker. */
  async stopWorker(): Promise<void> {
    await this.tab.goto('about:blank');
    await this.stopper.stop();
  }

  /** Opens one of the extension's own pages (`path`, such as "popup.html") in a new tab. */
  async openExtensionPage(path: string): Promise<Page> {
    const page = await this.browser.context.newPage();
    await page.goto(`chrome-extension://${this.browser.extensionId}/${path}`);
    return page;
  }

  /** A DevTools protocol session on the tab that visits pages. */
  cdpSession(): Promise<CDPSession> {
    return this.browser.context.newCDPSession(this.tab);
  }

  /** The tab, once the page last visited has loaded. */
  async loadedTab(): Promise<Page> {
    await this.tab.waitForLoadState('load');
    return this.tab;
  }

  /** Runs `fn` in the main world of the page last visited, once it has loaded. */
  async inPage<A, R>(fn: (arg: A) => R, arg: A): Promise<R> {
    const tab = await this.loadedTab();
    return (await tab.evaluate(fn as (arg: unknown) => unknown, arg)) as R;
  }

  /** Closes the browser and removes the build copy. */
  async close(): Promise<void> {
    await this.stopper.detach();
    await this.browser.close();
    rmSync(this.buildCopy, { recursive: true, force: true });
  }
}
