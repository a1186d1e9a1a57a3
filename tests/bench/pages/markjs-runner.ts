/**
 * The comparison side of the page benchmark, in a Chromium without the extension: mark.js
 * used the two ways its users use it, and the floor, a bare TreeWalker pass over the text.
 * Each run gets a fresh load of the page, since mark.js rewrites the DOM.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import type { StaticServer } from '../../support/static-server';
import type { RegExpSpec } from './alternation';
import { launchPlainChromium, refuseRemote } from './corpus-pages';
import { ms } from './format';
import { openIsolatedWorld } from './isolated-world';

/** One timed mark.js call. */
export interface MarkRun {
  ms: number;
  /** True when the run was stopped at its budget: `ms` is then a lower bound. */
  capped: boolean;
  marks: number;
  /** For `mark(array)`: how many of the terms it had reached. */
  termsReached: number;
  /** Set when one call with every term failed, and `ms` is from smaller calls instead. */
  failure?: string;
}

/** The floor: reading every text node under body once. */
export interface FloorRun {
  ms: number;
  chars: number;
}

/** The build npm users get from `import Mark from 'mark.js'` (package.json "main"), minified. */
function markJsSource(): string {
  const main = createRequire(import.meta.url).resolve('mark.js');
  return readFileSync(join(main, '..', 'mark.min.js'), 'utf8');
}

/** Thrown out of mark.js callbacks to stop a run that went over its budget. */
const OVER_BUDGET = 'backstory-bench: over budget';

/** A plain Chromium, one tab, and the mark.js source to inject. */
export class MarkJsRunner {
  private readonly source = markJsSource();

  private constructor(
    private browser: Browser,
    private tab: Page,
    private readonly server: StaticServer,
  ) {}

  static async open(server: StaticServer): Promise<MarkJsRunner> {
    const { browser, tab } = await MarkJsRunner.launch();
    return new MarkJsRunner(browser, tab, server);
  }

  private static async launch(): Promise<{ browser: Browser; tab: Page }> {
    const browser = await launchPlainChromium();
    const tab = await browser.newPage();
    await refuseRemote(tab);
    return { browser, tab };
  }

  private load(name: string): Promise<unknown> {
    return this.tab.goto(this.server.url(`/${name}/`), { waitUntil: 'load' });
  }

  /** Times one pass of a SHOW_TEXT TreeWalker that reads every text node's data. */
  async floor(name: string): Promise<FloorRun> {
    await this.load(name);
    return this.tab.evaluate(() => {
      const start = performance.now();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let chars = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) chars += (node as Text).data.length;
      return { ms: performance.now() - start, chars };
    });
  }

  /**
   * The same pass as `floor`, run in an isolated world made over CDP: where a content script
   * (Backstory's, or mark.js inside an extension) runs. DOM calls from there cost more,
   * since each world keeps its own wrapper for every node. Reported beside the floor for a
   * like-for-like view; the target uses the floor itself.
   */
  async isolatedFloor(name: string): Promise<FloorRun> {
    await this.load(name);
    const world = await openIsolatedWorld(this.tab, 'backstory-bench-floor');
    try {
      const pass = `(() => {
        const start = performance.now();
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        let chars = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) chars += node.data.length;
        return { ms: performance.now() - start, chars };
      })()`;
      return (await world.evaluate(pass)) as FloorRun;
    } finally {
      await world.close();
    }
  }

  /** `new Mark(document.body).markRegExp(one alternation RegExp)`, compiling the RegExp included. */
  markRegExp(name: string, spec: RegExpSpec, capMs: number): Promise<MarkRun> {
    return this.timeMark(name, { kind: 'regexp', spec, terms: [], batch: 0, capMs });
  }

  /**
   * markRegExp as a highlighter extension runs it: mark.js and the call evaluated in an
   * isolated world made over CDP, like a content script. Reported beside the issue's
   * measure (the page's main world) for a like-for-like view.
   */
  async isolatedMarkRegExp(name: string, spec: RegExpSpec, capMs: number): Promise<MarkRun> {
    await this.load(name);
    const world = await openIsolatedWorld(this.tab, 'backstory-bench-markjs');
    try {
      await world.evaluate(this.source);
      const args: MarkArgs & { stopToken: string } = {
        kind: 'regexp',
        spec,
        terms: [],
        batch: 0,
        capMs,
        stopToken: OVER_BUDGET,
      };
      return (await world.evaluate(`(${markInPage.toString()})(${JSON.stringify(args)})`)) as MarkRun;
    } finally {
      await world.close();
    }
  }

  /**
   * `new Mark(document.body).mark(terms, { accuracy: 'exactly', separateWordSearch: false })`.
   * mark.js goes through the terms by recursion, a few frames per term, so one call with
   * 1,000 terms can overflow the stack. When it fails before its budget, the same terms in
   * the same order (longest first, as mark.js sorts them) are run again in calls of
   * `FALLBACK_BATCH`: the same work, reported with the failure.
   */
  async markArray(name: string, terms: string[], capMs: number): Promise<MarkRun> {
    const args = {
      kind: 'array' as const,
      spec: { source: '', flags: '' },
      terms,
      batch: terms.length,
      capMs,
    };
    const single = await this.timeMark(name, args);
    if (!single.error) return single;
    const sorted = [...terms].sort((a, b) => b.length - a.length);
    const batched = await this.timeMark(name, { ...args, terms: sorted, batch: FALLBACK_BATCH });
    const failure = `one call failed after ${single.termsReached} terms and ${ms(single.ms)} ms (${single.error}); time is ${sorted.length} terms in calls of ${FALLBACK_BATCH}`;
    return { ...batched, failure };
  }

  private async timeMark(name: string, run: MarkArgs): Promise<MarkRun & { error?: string }> {
    await this.load(name);
    // The server's CSP (script-src 'none') refuses a <script> tag, so addScriptTag fails;
    // DevTools evaluation is not subject to the page's CSP.
    await this.tab.evaluate(this.source);
    // mark.js runs synchronously, so the page can only stop itself (see markInPage). If even
    // that fails, stop waiting, relaunch, and report the run as over budget.
    const safety = run.capMs + 60_000;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const hung = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), safety);
    });
    const result = await Promise.race([
      this.tab.evaluate(markInPage, { ...run, stopToken: OVER_BUDGET }),
      hung,
    ]);
    clearTimeout(timer);
    if (result) return result;
    await this.browser.close().catch(() => undefined);
    ({ browser: this.browser, tab: this.tab } = await MarkJsRunner.launch());
    return { ms: safety, capped: true, marks: 0, termsReached: 0 };
  }

  /** The Chromium version, for the report. */
  version(): string {
    return this.browser.version();
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

interface MarkArgs {
  kind: 'regexp' | 'array';
  spec: RegExpSpec;
  terms: string[];
  /** Terms per `mark()` call. */
  batch: number;
  capMs: number;
}

/** Terms per call when one call with every term overflows the stack. */
const FALLBACK_BATCH = 100;

/**
 * Runs in the page. The budget is checked in mark.js's own callbacks (`filter` before each
 * match is wrapped, `each` after, `noMatch` after a term without matches), which cost next
 * to nothing; past the budget one of them throws, which unwinds mark.js. No function here
 * is bound to a name: tsx's esbuild would wrap it in a `__name` helper the page lacks.
 */
function markInPage(args: MarkArgs & { stopToken: string }): MarkRun & { error?: string } {
  type MarkOptions = Record<string, unknown>;
  type MarkInstance = {
    markRegExp(regexp: RegExp, options: MarkOptions): void;
    mark(terms: string[], options: MarkOptions): void;
  };
  const Mark = (window as unknown as { Mark: new (context: Element) => MarkInstance }).Mark;
  const reached = new Set<string>();
  const start = performance.now();
  const deadline = start + args.capMs;
  const result = { marks: 0, total: 0 };
  const options: MarkOptions & { check?: (term: unknown) => void } = {};
  options.check = (term) => {
    if (args.kind === 'array' && typeof term === 'string') reached.add(term);
    if (performance.now() > deadline) throw new Error(args.stopToken);
  };
  options.filter = (_node: unknown, term: unknown) => {
    options.check?.(term);
    return true;
  };
  options.each = () => options.check?.(undefined);
  options.noMatch = (term: unknown) => options.check?.(term);
  options.done = (total: number) => {
    result.marks = total;
  };
  try {
    if (args.kind === 'regexp')
      new Mark(document.body).markRegExp(new RegExp(args.spec.source, args.spec.flags), options);
    for (let i = 0; args.kind === 'array' && i < args.terms.length; i += args.batch) {
      const terms = args.terms.slice(i, i + args.batch);
      new Mark(document.body).mark(terms, { ...options, accuracy: 'exactly', separateWordSearch: false });
      result.total += result.marks;
    }
  } catch (error) {
    const ms = performance.now() - start;
    const message = String((error as Error).message ?? error);
    const marks = document.querySelectorAll('mark[data-markjs]').length;
    if (message === args.stopToken) return { ms, capped: true, marks, termsReached: reached.size };
    // Irregexp reports a deep JS stack as "Invalid regular expression: …: Stack overflow".
    const reason = /stack/i.test(message) ? 'stack overflow' : message.slice(0, 120);
    return { ms, capped: false, marks, termsReached: reached.size, error: reason };
  }
  if (args.kind === 'regexp') result.total = result.marks;
  return { ms: performance.now() - start, capped: false, marks: result.total, termsReached: reached.size };
}
