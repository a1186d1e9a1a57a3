/** Highlight name of the mention whose card is open (every Backstory name starts with `backstory`). */
export const ACTIVE_HIGHLIGHT = 'backstory-active';

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
  let sheet: CSSStyleSheet | undefined;
  const clear = () => {
    registry.delete(ACTIVE_HIGHLIGHT);
  };
  signal.addEventListener(
    'abort',
    () => {
      clear();
      if (sheet) doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    },
    { once: true },
  );
  return {
    show(range) {
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS_TEXT);
        doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      }
      registry.set(ACTIVE_HIGHLIGHT, new Highlight(range));
    },
    clear,
  };
}
