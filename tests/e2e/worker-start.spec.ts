import { readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CDPSession } from '@playwright/test';
import { EXTENSION_DIR } from '../support/launch';
import { expect, paintedMentions, test } from './fixtures';

/** The part of Chromium's extension API this test calls (the polyfill does not wrap it). */
interface ChromeManagement {
  chrome: { management: { getPermissionWarningsByManifest(manifest: string): Promise<string[]> } };
}

/** The running status Chromium last reported for the extension's worker. */
async function watchWorker(cdp: CDPSession, extensionId: string): Promise<() => string> {
  let status = 'unknown';
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const version of versions)
      if (version.scriptURL.startsWith(`chrome-extension://${extensionId}/`)) status = version.runningStatus;
  });
  await cdp.send('ServiceWorker.enable');
  return () => status;
}

test.describe('starting the background worker', () => {
  test('a stopped worker starts when a navigation starts, before the page has arrived', async ({
    extension,
    server,
  }) => {
    // A server that holds every response: the page never arrives while the test looks, so
    // no content script runs and only the start of the navigation can wake the worker.
    const held: ServerResponse[] = [];
    const holding = createServer((_request, response) => held.push(response));
    await new Promise<void>((listening) => holding.listen(0, '127.0.0.1', listening));
    const page = await extension.context.newPage();
    try {
      // Settled first: seeds installed and a page painted, so nothing is left to wake it.
      await page.goto(server.url('/demo.html'));
      await expect.poll(() => paintedMentions(page)).toContain('NATO');
      await page.goto('about:blank');
      const cdp = await extension.context.newCDPSession(page);
      const status = await watchWorker(cdp, extension.extensionId);
      await cdp.send('ServiceWorker.stopAllWorkers');
      await expect.poll(status).toBe('stopped');
      // Still stopped a moment later: nothing else is waking it.
      await page.waitForTimeout(500);
      expect(status()).toBe('stopped');

      const { port } = holding.address() as AddressInfo;
      void page.goto(`http://127.0.0.1:${port}/slow.html`).catch(() => undefined);
      await expect.poll(() => held.length).toBe(1);
      await expect.poll(status, { timeout: 5000 }).toBe('running');
    } finally {
      for (const response of held) response.end('<!doctype html><title>late</title>');
      holding.closeAllConnections();
      await new Promise((closed) => holding.close(closed));
    }
  });

  test('listening for navigations adds no install warning to the access it has to every site', async ({
    extension,
  }) => {
    const manifest = JSON.parse(readFileSync(`${EXTENSION_DIR}/manifest.json`, 'utf8'));
    expect(manifest.permissions).toContain('webNavigation');
    const popup = await extension.context.newPage();
    await popup.goto(`chrome-extension://${extension.extensionId}/popup.html`);
    const warnings = (text: string) =>
      popup.evaluate(
        (json) =>
          (globalThis as unknown as ChromeManagement).chrome.management.getPermissionWarningsByManifest(json),
        text,
      );
    const without = {
      ...manifest,
      permissions: manifest.permissions.filter((p: string) => p !== 'webNavigation'),
    };
    const withIt = await warnings(JSON.stringify(manifest));
    expect(withIt).toHaveLength(1); // Access to every site's data, in the browser's language.
    expect(withIt).toEqual(await warnings(JSON.stringify(without)));
    // On its own the permission does warn (of the browsing history): the one above covers it.
    const alone = { ...manifest, content_scripts: [], permissions: ['webNavigation'] };
    expect(await warnings(JSON.stringify(alone))).toHaveLength(1);
  });
});
