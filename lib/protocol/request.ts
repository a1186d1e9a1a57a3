import { browser } from 'wxt/browser';
import { type Method, type Params, PROTOCOL_VERSION, type Response, type Result } from './messages';

/** Sends one message and resolves with the raw answer; tests pass their own. */
export type Send = (message: unknown) => Promise<unknown>;

const sendToBackground: Send = (message) => browser.runtime.sendMessage(message);

/** Calls the background with a typed request; rejects with the background's error text. */
export async function request<M extends Method>(
  method: M,
  params: Params<M>,
  send: Send = sendToBackground,
): Promise<Result<M>> {
  const answer = (await send({ backstory: PROTOCOL_VERSION, method, params })) as Response<M> | undefined;
  if (!answer) throw new Error(`Backstory background did not answer ${method}`);
  if (!answer.ok) throw new Error(answer.error);
  return answer.result;
}
