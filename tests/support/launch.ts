import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Worker } from '@playwright/test';
import { PAGE_TIMELINE_KEY } from '../../lib/db/reader-settings';
import { extensionArgs, findChromium } from './chromium';
import { databaseMade, putRecordHere, type RecordWrite } from './load-cards';

/** Where `wxt build` puts the Chromium build. */
export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

/** A Chromium with the built extension loaded, in a fresh profile. */
export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  close(): Promise<void>;
}

/**
 * Launches Chromium with the extension and waits for its service worker, with the content
 * script's timing on pages' timelines turned on (PAGE_TIMELINE_KEY): headless, or with
 * windows on the X display `display` (such as ":3") when one is given. `args` are added to
 * the command line; `preferences` are written into the fresh profile first (Chromium's
 * `Default/Preferences`, such as a default zoom).
 */
export async function launchWithExtension(
  extensionDir = EXTENSION_DIR,
  display?: string,
  args: string[] = [],
  preferences?: object,
): Promise<ExtensionBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'backstory-profile-'));
  if (preferences) {
    await mkdir(join(profile, 'Default'));
    await writeFile(join(profile, 'Default', 'Preferences'), JSON.stringify(preferences));
  }
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: display === undefined,
    args: [...extensionArgs(extensionDir), ...args],
    ...(display === undefined ? {} : { env: { ...process.env, DISPLAY: display } }),
  });
  const worker: Worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  // The content script's timing on pages' timelines, which tests and benchmarks read; off for readers.
  await worker.evaluate(databaseMade);
  const timeline: RecordWrite = { store: 'settings', record: { key: PAGE_TIMELINE_KEY, value: true } };
  await worker.evaluate(putRecordHere, timeline);
  return {
    context,
    extensionId: new URL(worker.url()).host,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Chromium's preferences for a default page zoom of `factor` (1.25 is 125%), as the reader
 * sets it in chrome://settings: a zoom level, whose factor is 1.2 to its power, for the
 * profile's default storage partition ("x").
 */
export function defaultZoom(factor: number): object {
  return { partition: { default_zoom_level: { x: Math.log(factor) / Math.log(1.2) } } };
}
