import type { Preferences } from '../../protocol/preferences';
import { parseColourFunction, type Rgba } from './colour-space';

const RGB = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/;

/** Reads a computed `rgb()` / `rgba()` colour; undefined for anything else (`oklch()`, say). */
export function parseRgb(value: string): Rgba | undefined {
  const match = RGB.exec(value.trim());
  if (!match) return undefined;
  const [, r, g, b, alpha] = match;
  const a = alpha === undefined ? 1 : alpha.endsWith('%') ? Number.parseFloat(alpha) / 100 : Number(alpha);
  return { r: Number(r), g: Number(g), b: Number(b), a };
}

/** WCAG relative luminance of an sRGB colour, 0 (black) to 1 (white). */
export function luminance({ r, g, b }: Rgba): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/**
 * Whether the page reads as dark or light, from the background of its body, else of its
 * root; undefined when neither paints one (the browser's canvas shows through) or its
 * colour cannot be read. Below a luminance of 0.18 a background contrasts more with white
 * text than with black: dark.
 */
export function pageBackgroundTheme(doc: Document): 'light' | 'dark' | undefined {
  const view = doc.defaultView;
  if (!view) return undefined;
  for (const element of [doc.body, doc.documentElement]) {
    if (!element) continue;
    const computed = view.getComputedStyle(element).backgroundColor;
    // A page that writes oklch(), lab() or color-mix() keeps that space in the computed value.
    const colour = parseRgb(computed) ?? parseColourFunction(computed);
    if (colour && colour.a >= 0.5) return luminance(colour) < 0.18 ? 'dark' : 'light';
  }
  return undefined;
}

/**
 * The card's theme: the reader's choice, or with "auto" the page's own look, so a dark news
 * site gets a dark card on a light system; the system's where the page shows none.
 */
export function cardTheme(chosen: Preferences['theme'], doc: Document): Preferences['theme'] {
  return chosen === 'auto' ? (pageBackgroundTheme(doc) ?? 'auto') : chosen;
}
