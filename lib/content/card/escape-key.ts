/**
 * Escape closes the open card wherever focus is, without moving the pointer (WCAG 1.4.13
 * "dismissible"). `close` returns false when no card was open, and the key is left alone.
 * When focus was in the card, the page does not also see the key: it was meant for us.
 */
export function listenForEscape(
  doc: Document,
  signal: AbortSignal,
  close: () => boolean,
  isHost: (target: EventTarget | null) => boolean,
): void {
  doc.defaultView?.addEventListener(
    'keydown',
    (event) => {
      // The reader's own key only: a page's script cannot close a pinned card with a made-up one.
      if (!event.isTrusted || event.key !== 'Escape' || event.isComposing) return;
      const fromCard = isHost(event.target);
      if (close() && fromCard) event.stopPropagation();
    },
    { capture: true, signal },
  );
}
