import type { PageStateResult } from '../protocol/messages';

/**
 * The page's first `page.state` request, sent by the small content script that runs at
 * `document_start`. Chrome stops an idle extension worker, and starting it again (plus
 * evaluating the background and opening the database) took 60 to 110 ms on the benchmark
 * machine. Asked at `document_start`, that happens while the page is still loading, and the
 * main content script, which runs at `document_idle`, finds the answer waiting.
 *
 * Both content scripts run in the extension's isolated world of the same frame, so they
 * share its global object; page scripts cannot see it.
 */
interface EarlyState {
  url: string;
  answer: Promise<PageStateResult>;
}

const KEY = Symbol.for('backstory.early-page-state');

type Holder = { [KEY]?: EarlyState };

/** Asks for the page's state now and keeps the pending answer for the main content script. */
export function askEarly(
  url: string,
  ask: (url: string) => Promise<PageStateResult>,
  holder: object = globalThis,
): void {
  const answer = ask(url);
  // Nobody may ever take it (the main script can fail to start): no unhandled rejection then.
  answer.catch(() => undefined);
  (holder as Holder)[KEY] = { url, answer };
}

/**
 * The early answer for `url`, once: later reads (a single-page app's new address, a site
 * switched back on) must ask afresh. Undefined when none was asked, or for another address.
 */
export function takeEarly(url: string, holder: object = globalThis): Promise<PageStateResult> | undefined {
  const early = (holder as Holder)[KEY];
  delete (holder as Holder)[KEY];
  return early?.url === url ? early.answer : undefined;
}
