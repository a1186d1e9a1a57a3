import { request, type Send } from '../../protocol/client';

/**
 * "Edit in Backstory": opens the card manager at the card. Resolves to a message for the
 * reader when the background could not be reached, undefined when it worked.
 */
export function openInManager(cardId: string, send?: Send): Promise<string | undefined> {
  return request('manager.open', { cardId }, send).then(
    () => undefined,
    () => 'Backstory could not open its card manager. Try again from the toolbar.',
  );
}

/**
 * "Don't mark on this site": the background stores the choice for the page's host; the
 * page repaints on its next scan. Resolves to a message for the reader on failure.
 */
export function hideOnSite(url: string, cardId: string, send?: Send): Promise<string | undefined> {
  return request('site.hideCard', { url, cardId }, send).then(
    ({ hidden }) => (hidden ? undefined : 'This page has no site to remember the choice for.'),
    () => 'Backstory could not save that choice. Try again.',
  );
}
