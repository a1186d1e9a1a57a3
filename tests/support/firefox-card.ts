import type { Page } from 'puppeteer-core';
import { CardRootProbe } from './card-root-functions';

/** The one WebDriver BiDi call this file makes itself; puppeteer keeps the connection. */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: BidiResult }>;
}

interface BidiResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown; sharedId?: string };
  exceptionDetails?: { text?: string };
}

/** The shadow root in a serialised node, when BiDi was asked to include closed ones. */
type SerializedHost = { value?: { shadowRoot?: { sharedId?: string } | null } };

/**
 * Reads Backstory's card in Firefox from outside, as `CardProbe` does in Chromium. The card
 * lives in a closed shadow root that page scripts cannot enter. WebDriver BiDi can: asked to
 * serialise the host with `includeShadowTree: 'all'`, Firefox hands back a reference to the
 * closed root, and a function can then run with that root as `this`. This uses puppeteer's
 * BiDi connection directly (`browser.connection`, the frame's browsing context id), since
 * puppeteer has no call for it; both are internal to puppeteer and may move in a new version.
 */
export class FirefoxCardProbe extends CardRootProbe {
  constructor(override readonly page: Page) {
    super(page);
  }

  private send(method: string, params: object): Promise<BidiResult> {
    const browser = this.page.browser() as unknown as { connection?: BidiConnection };
    if (!browser.connection) throw new Error('puppeteer has no BiDi connection here (not Firefox?)');
    return browser.connection.send(method, params).then((answer) => answer.result);
  }

  private get context(): string {
    const id = (this.page.mainFrame() as unknown as { _id?: unknown })._id;
    if (typeof id !== 'string') throw new Error("puppeteer's frame has no browsing context id (_id) here");
    return id;
  }

  /**
   * Runs `fn` (source text of a function, sync or async) with `this` bound to the card's
   * shadow root and `args` as its arguments; returns its JSON result, or undefined when
   * there is no card host.
   */
  async inCard<T>(fn: string, ...args: unknown[]): Promise<T | undefined> {
    const host = await this.send('script.evaluate', {
      expression: 'document.documentElement.querySelector(":scope > backstory-card")',
      target: { context: this.context },
      awaitPromise: false,
      serializationOptions: { maxDomDepth: 1, includeShadowTree: 'all' },
    });
    if (host.type === 'exception')
      throw new Error(host.exceptionDetails?.text ?? 'exception finding the card');
    const root = (host.result as SerializedHost | undefined)?.value?.shadowRoot?.sharedId;
    if (!root) return undefined;
    const call = await this.send('script.callFunction', {
      functionDeclaration: `async function (json) { return JSON.stringify(await (${fn}).apply(this, JSON.parse(json))); }`,
      this: { sharedId: root },
      arguments: [{ type: 'string', value: JSON.stringify(args) }],
      target: { context: this.context },
      awaitPromise: true,
    });
    if (call.type === 'exception') throw new Error(call.exceptionDetails?.text ?? 'exception in the card');
    const json = call.result?.value;
    return typeof json === 'string' ? (JSON.parse(json) as T) : undefined;
  }

  /** True while the card's host is on the page: from a card's opening to its closing. */
  hasHost(): Promise<boolean> {
    return this.page.evaluate(
      () => document.documentElement.querySelector(':scope > backstory-card') !== null,
    );
  }

  /** The open card's box in viewport coordinates. */
  box(): Promise<{ left: number; top: number; right: number; bottom: number } | undefined> {
    return this.inCard(`function () {
      const r = this.querySelector('[role=dialog]')?.getBoundingClientRect();
      return r && { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    }`);
  }

  /** The open card's name (from its title), its text, its pin state and its background colour. */
  state(): Promise<
    { name?: string; summary?: string; pinned?: string | null; background?: string } | undefined
  > {
    return this.inCard(`function () {
      const dialog = this.querySelector('[role=dialog]');
      if (!dialog) return undefined;
      const label = dialog.getAttribute('aria-labelledby');
      return {
        name: label ? this.getElementById(label)?.textContent : dialog.getAttribute('aria-label'),
        summary: dialog.textContent,
        pinned: this.querySelector('[aria-label="Pin card"]')?.getAttribute('aria-pressed'),
        background: getComputedStyle(dialog).backgroundColor,
      };
    }`);
  }
}
