import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Worker } from '@playwright/test';
import { PAGE_TIMELINE_KEY } from '../../lib/db/reader-settings';
import { extensionArgs, findChromium } from './chromium';

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
 * script's timing turned on (see `putSettingHere`): headless, or with
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
  await worker.evaluate(putSettingHere, { key: PAGE_TIMELINE_KEY, value: true });
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
 * Run in the extension's worker: puts one record into the settings store once the worker has
 * made its database. (An open with no version, asked before the worker's own, would make an
 * empty database of version 1 under the extension's.) Tests and benchmarks use it to turn on
 * the content script's timing on pages' timelines, which is off for readers (PAGE_TIMELINE_KEY).
 */
async function putSettingHere(record: { key: string; value: unknown }): Promise<void> {
  // No function bound to a name in here: tsx (the benchmarks) would wrap it in a helper that
  // only exists in Node.
  while (!(await indexedDB.databases()).some((db) => db.name === 'backstory'))
    await new Promise((wake) => setTimeout(wake, 10));
  const open = indexedDB.open('backstory');
  const db = await new Promise<IDBDatabase>((ok, fail) => {
    open.onsuccess = () => ok(open.result);
    open.onerror = () => fail(open.error);
  });
  const tx = db.transaction('settings', 'readwrite');
  tx.objectStore('settings').put(record);
  await new Promise<void>((ok, fail) => {
    tx.oncomplete = () => ok();
    tx.onerror = () => fail(tx.error);
  });
  db.close();
}

/**
 * Chromium's preferences for a default page zoom of `factor` (1.25 is 125%), as the reader
 * sets it in chrome://settings: a zoom level, whose factor is 1.2 to its power, for the
 * profile's default storage partition ("x").
 */
export function defaultZoom(factor: number): object {
  return { partition: { default_zoom_level: { x: Math.log(factor) / Math.log(1.2) } } };
}
