import { PROTOCOL_VERSION, type TabMethod, type TabParams, type TabRequest } from './messages';

type Validator<M extends TabMethod> = (params: Record<string, unknown>) => string | TabParams<M>;

const empty = () => ({}) as Record<string, never>;

const validators: { [M in TabMethod]: Validator<M> } = {
  'tab.refresh': ({ host }) =>
    host === undefined ? {} : typeof host === 'string' ? { host } : 'params.host must be a string',
  'tab.mentions': empty,
  'tab.reveal': ({ cardId }) => (typeof cardId === 'string' ? { cardId } : 'params.cardId must be a string'),
  'tab.navigate': ({ direction }) =>
    direction === 'next' || direction === 'previous'
      ? { direction }
      : 'params.direction must be "next" or "previous"',
};

/** Validates a message sent to a tab; `undefined` when it is not a Backstory tab request at all. */
export function parseTabRequest(
  message: unknown,
): { ok: true; request: TabRequest } | { ok: false; error: string } | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { backstory, method, params } = message as Record<string, unknown>;
  if (backstory !== PROTOCOL_VERSION || typeof method !== 'string' || !Object.hasOwn(validators, method)) {
    return undefined;
  }
  const checked = validators[method as TabMethod](
    typeof params === 'object' && params !== null ? (params as Record<string, unknown>) : {},
  );
  if (typeof checked === 'string') return { ok: false, error: `${method}: ${checked}` };
  return { ok: true, request: { backstory: PROTOCOL_VERSION, method: method as TabMethod, params: checked } };
}
