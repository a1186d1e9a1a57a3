import { parseColourFunction } from '@/lib/content/card/colour-space';
import { luminance, pageBackgroundTheme } from '@/lib/content/card/page-theme';

/** The colour rounded to whole channels, as a reader would compare it. */
const rounded = (value: string) => {
  const colour = parseColourFunction(value);
  return colour && { r: Math.round(colour.r), g: Math.round(colour.g), b: Math.round(colour.b), a: colour.a };
};

describe('colours a browser computes in their own space', () => {
  it('reads color(srgb …), which color-mix() in srgb computes to', () => {
    expect(rounded('color(srgb 0.2 0.2 0.2)')).toEqual({ r: 51, g: 51, b: 51, a: 1 });
    expect(rounded('color(srgb-linear 1 0 0 / 0.5)')).toEqual({ r: 255, g: 0, b: 0, a: 0.5 });
    expect(rounded('color(display-p3 1 1 1)')).toEqual({ r: 255, g: 255, b: 255, a: 1 });
  });

  it('reads color(xyz-d65 …) and color(xyz-d50 …), which color-mix() in xyz computes to', () => {
    expect(rounded('color(xyz-d65 0.95047 1 1.08883)')).toEqual({ r: 255, g: 255, b: 255, a: 1 });
    expect(rounded('color(xyz 0.4124 0.2126 0.0193 / 0.5)')).toEqual({ r: 255, g: 0, b: 0, a: 0.5 });
    expect(rounded('color(xyz-d65 0.03146 0.0331 0.03604)')).toEqual({ r: 51, g: 51, b: 51, a: 1 });
    // D50's white, and sRGB red adapted to D50 (CSS Color 4's example values).
    expect(rounded('color(xyz-d50 0.9643 1 0.8251)')).toEqual({ r: 255, g: 255, b: 255, a: 1 });
    expect(rounded('color(xyz-d50 0.4361 0.2225 0.0139)')).toEqual({ r: 255, g: 0, b: 0, a: 1 });
  });

  it('converts oklab() and oklch() to sRGB', () => {
    expect(rounded('oklab(1 0 0)')).toEqual({ r: 255, g: 255, b: 255, a: 1 });
    expect(rounded('oklab(0 0 0)')).toEqual({ r: 0, g: 0, b: 0, a: 1 });
    // CSS's own example of sRGB red in OKLCh.
    expect(rounded('oklch(0.62796 0.25768 29.2339)')).toEqual({ r: 255, g: 0, b: 0, a: 1 });
    expect(rounded('oklch(none 0 0)')).toEqual({ r: 0, g: 0, b: 0, a: 1 });
  });

  it('converts lab() and lch(), which are relative to D50 white, to sRGB', () => {
    expect(rounded('lab(100 0 0)')).toEqual({ r: 255, g: 255, b: 255, a: 1 });
    expect(rounded('lab(54.29 80.8 69.89)')).toEqual({ r: 255, g: 0, b: 0, a: 1 });
    expect(rounded('lch(54.29 106.84 40.86 / 0.25)')).toEqual({ r: 255, g: 0, b: 0, a: 0.25 });
  });

  it('reads nothing it cannot convert', () => {
    expect(parseColourFunction('rgb(0, 0, 0)')).toBeUndefined();
    expect(parseColourFunction('color(rec2020 0 0 0)')).toBeUndefined();
    expect(parseColourFunction('oklch(0.2 0.02)')).toBeUndefined();
    expect(parseColourFunction('lab(dark 0 0)')).toBeUndefined();
  });

  it('tells dark from light across those spaces, as the card’s theme needs', () => {
    const dark = [
      'oklch(0.2 0.02 260)',
      'lab(12 3 -4)',
      'color(srgb 0.1 0.1 0.12)',
      'oklab(0.199999 0.00000911355 0.00000401735)',
    ];
    for (const value of dark) expect(luminance(parseColourFunction(value) as never)).toBeLessThan(0.18);
    expect(luminance(parseColourFunction('oklch(0.97 0.01 90)') as never)).toBeGreaterThan(0.18);
  });

  it('calls a page dark when its body’s computed background is in oklch() or color(srgb …)', () => {
    // happy-dom drops colours it cannot parse, so the page is Chromium's computed style.
    const page = (backgroundColor: string) =>
      ({
        body: {},
        documentElement: {},
        defaultView: { getComputedStyle: () => ({ backgroundColor }) },
      }) as unknown as Document;
    expect(pageBackgroundTheme(page('oklch(0.2 0.02 260)'))).toBe('dark');
    expect(pageBackgroundTheme(page('color(srgb 0.1 0.1 0.12)'))).toBe('dark');
    expect(pageBackgroundTheme(page('lab(97 0 2)'))).toBe('light');
  });
});
