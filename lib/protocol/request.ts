import { type Method, type Params, PROTOCOL_VERSION, type Response, type Result } from './messages';

/** Sends one message and resolves with the raw answer; tests pass their own. */
export type Send = (message: unknown) => Promise<unknown>;

/**
 * Calls the background with a typed request over `send`; rejects with the background's error
 * text. No browser API is imported here: `client.ts` sends through it, and tests with their
 * own `send`.
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
