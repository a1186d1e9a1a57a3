import { resolve } from 'node:path';
import type { Worker } from '@playwright/test';
import type { ExtensionBrowser } from '../../support/launch';
import { type StaticServer, startStaticServer } from '../../support/static-server';
import { DEMO_PAGE, expect } from '../fixtures';
import { CardProbe } from './card-probe';

const here = (name: string) => resolve(import.meta.dirname, name);

/**
 * Serves the demo article and the card's own fixture pages. Page scripts are allowed, so
 * markup that leaked from a card into the page would run and show.
 */
export function startCardPages(): Promise<StaticServer> {
  return startStaticServer(
    {
      '/demo.html': DEMO_PAGE,
      '/plain.html': here('plain.html'),
      '/hostile.html': here('hostile.html'),
      '/edges.html': here('edges.html'),
      '/layouts.html': here('layouts.html'),
      '/zoomed.html': here('zoomed.html'),
      '/filtered.html': here('filtered.html'),
      '/rtl.html': here('rtl.html'),
      '/bad-input.html': here('bad-input.html'),
      '/component.html': here('component.html'),
      '/dark.html': here('dark.html'),
      '/escape-trap.html': here('escape-trap.html'),
    },
    { scripts: true },
  );
}

/** Opens a page at a fixed size and a probe on its card. */
export async function visit(
  extension: ExtensionBrowser,
  server: StaticServer,
  path: string,
  size = { width: 1000, height: 800 },
) {
  const page = await extension.context.newPage();
  await page.setViewportSize(size);
  await page.goto(server.url(path));
  return { page, card: await CardProbe.attach(page) };
}

/** The extension's service worker. */
export function serviceWorker(extension: ExtensionBrowser): Worker {
  const worker = extension.context.serviceWorkers()[0];
  if (!worker) throw new Error('no service worker');
  return worker;
}

/** Opens the demo article, rests the pointer on NATO until its card is open, and pins it. */
export async function openPinnedNatoCard(extension: ExtensionBrowser, server: StaticServer) {
  const opened = await visit(extension, server, '/demo.html');
  const { page, card } = opened;
  const nato = await card.mention('NATO');
  await card.settle();
  await page.mouse.move(nato.x, nato.y);
  await expect.poll(() => card.isOpen()).toBe(true);
  await card.pressControl('Pin card');
  return opened;
}
