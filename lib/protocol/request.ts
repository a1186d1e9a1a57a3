import { type Method, type Params, PROTOCOL_VERSION, type Response, type Result } from './messages';

/** Sends one message and resolves with the raw answer; tests pass their own. */
export type Send = (message: unknown) => Promise<unknown>;

/**
 * Calls the background with a typed request over `send`; rejects with the background's error
 * text. No browser API is imported here, so a script can send without the polyfill
 * (entrypoints/early.ts); `client.ts` sends through it.
 */
export async function requestWith<M extends Method>(
  send: Send,
  method: M,
  params: Params<M>,
): Promise<Result<M>> {
  const answer = (await send({ backstory: PROTOCOL_VERSION, method, params })) as Response<M> | undefined;
  if (!answer) throw new Error(`Backstory background did not answer ${method}`);
  if (!answer.ok) throw new Error(answer.error);
  return answer.result;
}

/** The browser's own messaging, promise-based in both: `browser` in Firefox, `chrome` in Chrome. */
interface Messaging {
  runtime?: { sendMessage(message: unknown): Promise<unknown> };
}

/**
 * A `Send` through the browser's own `runtime.sendMessage`, for a script that must stay
 * small and so goes without webextension-polyfill; undefined outside an extension.
 */
export function nativeSend(scope: object = globalThis): Send | undefined {
  const apis = scope as { browser?: Messaging; chrome?: Messaging };
  const runtime = apis.browser?.runtime ?? apis.chrome?.runtime;
  return runtime && ((message) => runtime.sendMessage(message));
}
