import { ACTIVE_HIGHLIGHT } from '../highlights';

/** Marks one mention as the one the card belongs to. */
export interface ActiveHighlight {
  show(range: AbstractRange): void;
  clear(): void;
}

/**
 * Tints the mention whose card is open, so a reader who got there by keyboard or touch sees
 * which term the card explains. Like the mentions themselves it adds no node: a highlight,
 * removed on abort, styled by the manifest's stylesheet (style-rules.ts).
 */
export function createActiveHighlight(
  signal: AbortSignal,
  registry: HighlightRegistry = CSS.highlights,
): ActiveHighlight {
  const clear = () => {
    registry.delete(ACTIVE_HIGHLIGHT);
  };
  signal.addEventListener('abort', clear, { once: true });
  return {
    show(range) {
      registry.set(ACTIVE_HIGHLIGHT, new Highlight(range));
    },
    clear,
  };
}
