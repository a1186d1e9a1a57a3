import type { PageCard, TabMethod, TabParams, TabResult } from '../protocol/messages';
import { parseTabRequest } from '../protocol/parse-tab';
import type { MentionStore } from './mention-store';

/** What the content script can do when the popup or the background asks. */
export interface TabFeatures {
  store: MentionStore;
  refresh(): Promise<number>;
  /** The page's host name, if it has one (a `tab.refresh` about one site asks). */
  host?(): string | undefined;
  reveal?(cardId: string): boolean;
  navigate?(direction: 'next' | 'previous'): Promise<boolean>;
}

/** The cards mentioned on the page, in order of first mention, with their mention counts. */
export function pageCards(store: MentionStore): PageCard[] {
  const counts = new Map<string, number>();
  for (const { cardIds } of store.mentions) {
    for (const id of cardIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return [...counts].map(([id, count]) => ({
    id,
    title: (Object.hasOwn(store.cards, id) ? store.cards[id]?.title : undefined) ?? id,
    count,
  }));
}

type Handlers = { [M in TabMethod]: (params: TabParams<M>) => Promise<TabResult<M>> };

function handlers(features: TabFeatures): Handlers {
  return {
    'tab.refresh': async ({ host }) =>
      host !== undefined && features.host?.() !== host
        ? { painted: features.store.mentions.length }
        : { painted: await features.refresh() },
    'tab.mentions': async () => ({ cards: pageCards(features.store) }),
    'tab.reveal': async ({ cardId }) => ({ found: features.reveal?.(cardId) ?? false }),
    'tab.navigate': async ({ direction }) => ({ found: (await features.navigate?.(direction)) ?? false }),
  };
}

/**
 * Answers tab requests; returns undefined for messages that are not ours, so other
 * listeners stay free to answer them.
 */
export function createTabHandler(features: TabFeatures) {
  const table = handlers(features);
  return (message: unknown): Promise<unknown> | undefined => {
    const parsed = parseTabRequest(message);
    if (!parsed) return undefined;
    if (!parsed.ok) return Promise.resolve({ ok: false, error: parsed.error });
    const { method, params } = parsed.request;
    const handler = table[method] as (p: typeof params) => Promise<TabResult<typeof method>>;
    return handler(params).then(
      (result) => ({ ok: true, result }),
      (error: unknown) => ({
        ok: false,
        error: `${method} failed: ${error instanceof Error ? error.message : String(error)}`,
      }),
    );
  };
}
