import { ACTIVE_HIGHLIGHT } from '../highlights';
import { adoptActiveStyle } from '../style';

/** Marks one mention as the one the card belongs to. */
export interface ActiveHighlight {
  show(range: AbstractRange): void;
  clear(): void;
}

/**
 * Tints the mention whose card is open, so a reader who got there by keyboard or touch sees
 * which term the card explains. Like the mentions themselves it adds no node: a highlight
 * and its style (an adopted stylesheet in Chromium, the manifest's in Firefox), removed on abort.
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
        removeSheet ??= adoptActiveStyle(doc);
      } catch {
        // The tint only helps find the mention; the card opens anyway.
      }
      registry.set(ACTIVE_HIGHLIGHT, new Highlight(range));
    },
    clear,
  };
}
