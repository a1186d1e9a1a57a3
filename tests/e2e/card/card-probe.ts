import { type CDPSession, expect, type Page } from '@playwright/test';
import { CardRootProbe } from '../../support/card-root-functions';
import { type PaintedRange, readPainted } from '../../support/painted-ranges';

/** A mention's box in viewport coordinates, with its centre. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  x: number;
  y: number;
}

/**
 * Reads the card from outside, the way a test must: the card lives in a closed shadow root
 * that page scripts and Playwright locators cannot enter, so this goes through the
 * DevTools protocol (the DOM domain pierces closed roots; `DOM.resolveNode` hands back the
 * root itself, and functions run against it with `Runtime.callFunctionOn`).
 */
export class CardProbe extends CardRootProbe {
  private constructor(
    override readonly page: Page,
    private readonly cdp: CDPSession,
  ) {
    super(page);
  }

  static async attach(page: Page): Promise<CardProbe> {
    return new CardProbe(page, await page.context().newCDPSession(page));
  }

  /** Waits until the page has painted `text` as a mention and returns the box of its `nth` occurrence. */
  async mention(text: string, nth = 0): Promise<Box> {
    const find = async () =>
      (await this.page.evaluate(readPainted, 'backstory-mention')).filter((range) => range.text === text)[
        nth
      ];
    await expect.poll(async () => (await find()) !== undefined, { timeout: 10_000 }).toBe(true);
    const { left, top, right, bottom } = ((await find()) as PaintedRange).box;
    return { left, top, right, bottom, x: (left + right) / 2, y: (top + bottom) / 2 };
  }

  /** Rests the pointer on the middle of the mention painted as `text` until its card is open; returns the mention's box. */
  async hoverOpen(text: string): Promise<Box> {
    const box = await this.mention(text);
    await this.page.mouse.move(box.x, box.y);
    await expect.poll(() => this.isOpen()).toBe(true);
    return box;
  }

  /**
   * Waits until the page's mentions stop changing (the first scan goes visible blocks
   * first, then the rest), so timings measure the card, not the page still being read.
   */
  async settle(quietMs = 400): Promise<void> {
    let last = -1;
    for (;;) {
      const count = await this.page.evaluate(() => CSS.highlights.get('backstory-mention')?.size ?? 0);
      if (count === last && count > 0) return;
      last = count;
      await this.page.waitForTimeout(quietMs);
    }
  }

  /** The text of the mention whose card is open (the one the card marks as active). */
  activeMention(): Promise<string | undefined> {
    return this.page.evaluate(readPainted, 'backstory-active').then((painted) => painted[0]?.text);
  }

  /** Runs `fn` (source text) with `this` bound to the card's shadow root; undefined when there is no host. */
  async inCard<T>(fn: string, ...args: unknown[]): Promise<T | undefined> {
    const { root } = await this.cdp.send('DOM.getDocument', { depth: 3, pierce: true });
    const html = root.children?.find((node) => node.nodeName === 'HTML');
    const host = html?.children?.find((node) => node.localName === 'backstory-card');
    const shadow = host?.shadowRoots?.[0];
    if (!shadow) return undefined;
    const { object } = await this.cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const { result, exceptionDetails } = await this.cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId as string,
      functionDeclaration: fn,
      arguments: args.map((value) => ({ value })),
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as T;
  }

  /** The open card's role and accessible name, as Chromium's accessibility tree has them. */
  async accessible(): Promise<{ role?: string; name?: string } | undefined> {
    const { root } = await this.cdp.send('DOM.getDocument', { depth: 2, pierce: true });
    const html = root.children?.find((node) => node.nodeName === 'HTML');
    const host = html?.children?.find((node) => node.localName === 'backstory-card');
    if (!host) return undefined;
    const { nodes } = await this.cdp.send('Accessibility.queryAXTree', {
      backendNodeId: host.backendNodeId,
      role: 'dialog',
    });
    const node = nodes[0];
    return node ? { role: node.role?.value as string, name: node.name?.value as string } : undefined;
  }

  /** The card's box in viewport coordinates. */
  box(): Promise<Box | undefined> {
    return this.inCard<Box>(`function () {
      const r = this.querySelector('[role=dialog]')?.getBoundingClientRect();
      return r && { left: r.left, top: r.top, right: r.right, bottom: r.bottom, x: (r.left + r.right) / 2, y: (r.top + r.bottom) / 2 };
    }`);
  }

  /** What has focus inside the card: a control's name, 'dialog', or undefined when focus is elsewhere. */
  focused(): Promise<string | undefined> {
    return this.inCard<string | undefined>(`function () {
      const el = this.activeElement;
      if (!el) return undefined;
      return el.getAttribute('role') ?? el.getAttribute('aria-label') ?? el.textContent.trim();
    }`);
  }

  /** Puts a finger down and lifts it at (x, y): Chromium fires touch pointer events and a click. */
  async tap(x: number, y: number): Promise<void> {
    await this.cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
    await this.cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  }
}
