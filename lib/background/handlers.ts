import { toPackCard } from '../db/cards';
import type { BackstoryDB } from '../db/schema';
import type { Card } from '../pack/types';
import type { Method, Params, Protocol, Response, Result } from '../protocol/messages';
import { parseRequest } from '../protocol/parse';
import type { MatcherService } from './matcher-service';
import { isEnabledFor } from './site-state';

/** What the handlers need; the background entrypoint passes the real ones, tests their own. */
export interface HandlerDeps {
  db: BackstoryDB;
  matchers: MatcherService;
}

type Handlers = { [M in Method]: (params: Params<M>) => Promise<Result<M>> };

function createHandlers({ db, matchers }: HandlerDeps): Handlers {
  return {
    'page.scan': async ({ url, blocks }) => {
      if (!(await isEnabledFor(db, url))) return { enabled: false, mentions: [], cards: {} };
      const matcher = await matchers.current();
      const mentions: Protocol['page.scan']['result']['mentions'] = [];
      const ids = new Set<string>();
      blocks.forEach((text, block) => {
        for (const found of matcher.find(text)) {
          mentions.push({ block, start: found.start, end: found.end, cardIds: found.cardIds });
          for (const id of found.cardIds) ids.add(id);
        }
      });
      const cards: Record<string, Card> = {};
      for (const card of await db.cards.bulkGet([...ids])) {
        if (card) cards[card.id] = toPackCard(card);
      }
      return { enabled: true, mentions, cards };
    },
  };
}

/**
 * Builds the background's single entry point: validates a raw message and answers it.
 * Pure apart from its dependencies, so unit tests call it directly.
 */
export function createRequestHandler(deps: HandlerDeps): (message: unknown) => Promise<Response> {
  const handlers = createHandlers(deps);
  return async (message) => {
    const parsed = parseRequest(message);
    if (!parsed.ok) return { ok: false, error: parsed.error };
    const { method, params } = parsed.request;
    try {
      const handler = handlers[method] as (p: typeof params) => Promise<Result<typeof method>>;
      return { ok: true, result: await handler(params) };
    } catch (error) {
      return {
        ok: false,
        error: `${method} failed: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  };
}
