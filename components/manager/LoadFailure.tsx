/** Props of the notice shown when the cards cannot be read at all. */
export interface LoadFailureProps {
  error: unknown;
}

/**
 * What went wrong, in the reader's terms. Firefox refuses an add-on's pages in a private
 * window (or with "Never remember history") any use of its database, with an
 * InvalidStateError ("…did not allow mutations"): that case gets a way out.
 */
export function loadFailureMessage(error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  if (/InvalidStateError|did not allow mutations/.test(detail))
    return 'Backstory cannot open your cards in this window. Firefox keeps an add-on’s saved data away from private windows: open Backstory from a normal window.';
  return `Backstory could not open your cards: ${detail}`;
}

/** Says that the cards could not be loaded, instead of "Loading…" for ever. */
export function LoadFailure({ error }: LoadFailureProps) {
  return (
    <p class="manager__failure" role="alert">
      {loadFailureMessage(error)}
    </p>
  );
}
