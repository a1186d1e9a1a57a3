import { isId } from '../pack/formats';
import { LIMITS } from '../pack/limits';
import { REQUEST_LIMITS } from './limits';
import { type Method, type Params, PROTOCOL_VERSION, type Request } from './messages';

/** A request that passed validation, or the reason it did not. */
export type Parsed = { ok: true; request: Request } | { ok: false; error: string };

type Validator<M extends Method> = (params: Record<string, unknown>) => string | Params<M>;

const validators: { [M in Method]: Validator<M> } = {
  'page.state': ({ url }) => {
    if (typeof url !== 'string' || url.length > REQUEST_LIMITS.urlLength)
      return 'params.url must be a URL string';
    return { url };
  },
  'page.scan': (params) => {
    const { url, blocks, shown } = params;
    if (typeof url !== 'string' || url.length > REQUEST_LIMITS.urlLength)
      return 'params.url must be a URL string';
    if (!Array.isArray(blocks)) return 'params.blocks must be a list of strings';
    if (blocks.length > REQUEST_LIMITS.blocks)
      return `params.blocks has more than ${REQUEST_LIMITS.blocks} blocks`;
    let total = 0;
    for (const [i, block] of blocks.entries()) {
      if (typeof block !== 'string') return `params.blocks[${i}] must be a string`;
      total += block.length;
    }
    if (total > REQUEST_LIMITS.textChars)
      return `params.blocks hold more than ${REQUEST_LIMITS.textChars} characters`;
    if (shown === undefined) return { url, blocks: blocks as string[] };
    if (!Array.isArray(shown) || shown.length > REQUEST_LIMITS.shownCards)
      return `params.shown must be a list of at most ${REQUEST_LIMITS.shownCards} card ids`;
    for (const [i, id] of shown.entries())
      if (typeof id !== 'string' || id.length > REQUEST_LIMITS.cardIdLength)
        return `params.shown[${i}] must be a card id`;
    return { url, blocks: blocks as string[], shown: shown as string[] };
  },
  'site.hideCard': ({ url, cardId }) => {
    if (typeof url !== 'string' || url.length > REQUEST_LIMITS.urlLength)
      return 'params.url must be a URL string';
    // Stored with the site: only what a card's id can be.
    if (typeof cardId !== 'string' || cardId.length > LIMITS.idLength || !isId(cardId))
      return 'params.cardId must be a card id';
    return { url, cardId };
  },
  'settings.changed': () => ({}),
  'manager.open': ({ cardId }) => {
    if (cardId !== undefined && (typeof cardId !== 'string' || cardId.length > REQUEST_LIMITS.cardIdLength)) {
      return 'params.cardId must be a card id';
    }
    return cardId === undefined ? {} : { cardId };
  },
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isMethod(value: unknown): value is Method {
  return typeof value === 'string' && Object.hasOwn(validators, value);
}

/** Validates an incoming message against the protocol; never throws. */
export function parseRequest(message: unknown): Parsed {
  if (!isRecord(message) || message.backstory !== PROTOCOL_VERSION) {
    return { ok: false, error: 'not a Backstory request' };
  }
  const { method, params } = message;
  if (!isMethod(method)) return { ok: false, error: `unknown method ${JSON.stringify(method)}` };
  if (!isRecord(params)) return { ok: false, error: `${method}: params must be an object` };
  const checked = validators[method](params);
  if (typeof checked === 'string') return { ok: false, error: `${method}: ${checked}` };
  return { ok: true, request: { backstory: PROTOCOL_VERSION, method, params: checked } };
}
