import { AXE_SOURCE } from './axe';

/**
 * Functions that run with `this` bound to the card's closed shadow root, as source text: the
 * Chromium probe (tests/e2e/card/card-probe.ts, over the DevTools protocol) and the Firefox
 * probe (firefox-card.ts, over WebDriver BiDi) both hand them to the browser this way.
 */

/** True while a card is rendered. */
export const IS_OPEN = 'function () { return this.querySelector("[role=dialog]") !== null; }';

/** Focuses the card control named `name` (its label or text); false if there is none. */
export const FOCUS_CONTROL = `function (name) {
  const el = [...this.querySelectorAll('button, a')].find((b) => (b.getAttribute('aria-label') ?? b.textContent.trim()) === name);
  el?.focus();
  return Boolean(el);
}`;

/**
 * Runs axe-core (already evaluated in the page's world) on the open card where it is: every
 * rule axe runs by default (best practices included), or only `rules`. For the run only,
 * the host is given its root as `shadowRoot`, which axe needs to look inside; `inBody`
 * moves the host into <body> meanwhile, because axe builds its colour-contrast grid from
 * document.body and reports contrast outside it as "incomplete".
 */
export const AXE_IN_CARD = `async function (inBody, rules) {
  const home = this.host.parentNode;
  let results;
  try {
    Object.defineProperty(this.host, 'shadowRoot', { value: this, configurable: true });
    if (inBody) document.body.append(this.host);
    const options = rules ? { runOnly: { type: 'rule', values: rules } } : {};
    results = await axe.run(this.querySelector('[role=dialog]'), options);
  } finally {
    if (inBody) home.append(this.host);
    delete this.host.shadowRoot;
  }
  const describe = (list) => list.map((r) => r.id + ': ' + r.nodes.map((n) => n.target.join(' ')).join(', '));
  return { violations: describe(results.violations), incomplete: describe(results.incomplete), passes: results.passes.map((r) => r.id) };
}`;

/** What AXE_IN_CARD returns: one line per rule, naming the elements. */
export interface CardAxeReport {
  violations: string[];
  incomplete: string[];
  passes: string[];
}

/** What a probe needs of its page, in Playwright and puppeteer alike. */
interface ProbedPage {
  evaluate(source: string): Promise<unknown>;
  keyboard: { press(key: string): Promise<void> };
}

/**
 * What both card probes do once they can run a function inside the card's root: each
 * browser's probe supplies `inCard` (DevTools protocol in Chromium, WebDriver BiDi in
 * Firefox), and gets the checks that run there from here.
 */
export abstract class CardRootProbe {
  constructor(readonly page: ProbedPage) {}

  /**
   * Runs `fn` (source text of a function) with `this` bound to the card's shadow root and
   * `args` as its arguments; its result, or undefined when there is no card host.
   */
  abstract inCard<T>(fn: string, ...args: unknown[]): Promise<T | undefined>;

  /** True while a card is rendered. */
  async isOpen(): Promise<boolean> {
    return (await this.inCard<boolean>(IS_OPEN)) === true;
  }

  /** Focuses the card control with this name and activates it with Enter, as a keyboard user would. */
  async pressControl(name: string): Promise<void> {
    const found = await this.inCard<boolean>(FOCUS_CONTROL, name);
    if (!found) throw new Error(`No control named ${name} in the card`);
    await this.page.keyboard.press('Enter');
  }

  /** Runs axe-core on the open card, where it really is (see AXE_IN_CARD). */
  async axe(options: { inBody?: boolean; rules?: string[] } = {}): Promise<CardAxeReport> {
    await this.page.evaluate(AXE_SOURCE);
    const result = await this.inCard<CardAxeReport>(
      AXE_IN_CARD,
      options.inBody ?? false,
      options.rules ?? null,
    );
    if (!result) throw new Error('No card to check');
    return result;
  }
}
