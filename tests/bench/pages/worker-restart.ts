/**
 * Stops the extension's service worker through the DevTools protocol, so the next page load
 * has to start it again: the worker reopens its database and rebuilds its matcher before it
 * can answer the content script's first scan.
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test';

interface VersionUpdate {
  versions: { scriptURL: string; runningStatus: string }[];
}

/** Stops a worker on demand and waits until Chromium reports it stopped. */
export class WorkerStopper {
  private status = 'unknown';
  private waiters: (() => void)[] = [];

  private constructor(
    private readonly session: CDPSession,
    private readonly scriptPrefix: string,
  ) {
    session.on('ServiceWorker.workerVersionUpdated', (event: VersionUpdate) => {
      for (const version of event.versions) {
        if (!version.scriptURL.startsWith(this.scriptPrefix)) continue;
        this.status = version.runningStatus;
        for (const wake of this.waiters.splice(0)) wake();
      }
    });
  }

  /** Watches the workers of extension `extensionId`, through a session of `page`. */
  static async attach(context: BrowserContext, page: Page, extensionId: string): Promise<WorkerStopper> {
    const session = await context.newCDPSession(page);
    const stopper = new WorkerStopper(session, `chrome-extension://${extensionId}/`);
    await session.send('ServiceWorker.enable');
    return stopper;
  }

  /** Stops every service worker and resolves once ours is stopped; throws after `timeoutMs`. */
  async stop(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    await this.session.send('ServiceWorker.stopAllWorkers');
    while (this.status !== 'stopped') {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`service worker did not stop (last status: ${this.status})`);
      await new Promise<void>((wake) => {
        const timer = setTimeout(wake, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          wake();
        });
      });
    }
  }

  /** Ends the DevTools session. */
  async detach(): Promise<void> {
    await this.session.detach().catch(() => undefined);
  }
}
