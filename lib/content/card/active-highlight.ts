import { ACTIVE_HIGHLIGHT } from '../highlights';
import { adoptSheet } from '../page-sheet';

const CSS_TEXT = `::highlight(${ACTIVE_HIGHLIGHT}) {
  background-color: color-mix(in srgb, #2f7bd8 24%, transparent);
}`;

/** Marks one mention as the one the card belongs to. */
export interface ActiveHighlight {
  show(range: Range): void;
  clear(): void;
}

/**
 * Tints the mention whose card is open, so a reader who got there by keyboard or touch sees
 * which term the card explains. Like the mentions themselves it adds no node: a highlight
 * and an adopted stylesheet, both removed on abort.
 */
export function createActiveHighlight(
  doc: Document,
  signal: AbortSignal,
  registry: HighlightRegistry = CSS.highlights,
): ActiveHighlight {
  let removeSheet: (() => void) | undefined;
  const clear = () => {
    registry.delete(ACTIVE_HIGHLIGHT);
  };
  signal.addEventListener(
    'abort',
    () => {
      clear();
      removeSheet?.();
    },
    { once: true },
  );
  return {
    show(range) {
      try {
        removeSheet ??= adoptSheet(doc, CSS_TEXT);
      } catch {
        // The tint only helps find the mention; a page that broke stylesheets still gets its card.
      }
      registry.set(ACTIVE_HIGHLIGHT, new Highlight(range));
    },
    clear,
  };
}
