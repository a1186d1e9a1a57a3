import { browser } from 'wxt/browser';
import type { Method, Params, Result } from './messages';
import { requestWith, type Send } from './request';

export type { Send } from './request';

const sendToBackground: Send = (message) => browser.runtime.sendMessage(message);

/** Calls the background with a typed request; rejects with the background's error text. */
export function request<M extends Method>(
  method: M,
  params: Params<M>,
  send: Send = sendToBackground,
): Promise<Result<M>> {
  return requestWith(send, method, params);
}
