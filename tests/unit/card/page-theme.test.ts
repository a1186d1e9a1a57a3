// @vitest-environment happy-dom
import { cardTheme, luminance, pageBackgroundTheme, parseRgb } from '@/lib/content/card/page-theme';

afterEach(() => {
  document.body.removeAttribute('style');
  document.documentElement.removeAttribute('style');
});

describe('the card’s theme from the page', () => {
  it('reads computed rgb() and rgba() colours, in both syntaxes, and nothing else', () => {
    expect(parseRgb('rgb(17, 17, 17)')).toEqual({ r: 17, g: 17, b: 17, a: 1 });
    expect(parseRgb('rgba(0, 0, 0, 0)')).toEqual({ r: 0, g: 0, b: 0, a: 0 });
    expect(parseRgb('rgb(255 255 255 / 50%)')).toEqual({ r: 255, g: 255, b: 255, a: 0.5 });
    expect(parseRgb('oklch(0.2 0 0)')).toBeUndefined();
  });

  it('measures luminance as WCAG does', () => {
    expect(luminance({ r: 0, g: 0, b: 0, a: 1 })).toBe(0);
    expect(luminance({ r: 255, g: 255, b: 255, a: 1 })).toBeCloseTo(1);
    expect(luminance({ r: 119, g: 119, b: 119, a: 1 })).toBeCloseTo(0.184, 3);
  });

  it('calls a page dark or light by its body’s background, else its root’s, and neither when none is painted', () => {
    expect(pageBackgroundTheme(document)).toBeUndefined();
    document.documentElement.style.backgroundColor = 'rgb(18, 18, 18)';
    expect(pageBackgroundTheme(document)).toBe('dark');
    document.body.style.backgroundColor = 'rgb(250, 250, 245)';
    expect(pageBackgroundTheme(document)).toBe('light');
    // A body tinted so faintly it hardly paints does not count.
    document.body.style.backgroundColor = 'rgba(255, 255, 255, 0.1)';
    expect(pageBackgroundTheme(document)).toBe('dark');
  });

  it('follows the page only when the reader chose "auto"', () => {
    document.body.style.backgroundColor = 'rgb(10, 10, 10)';
    expect(cardTheme('auto', document)).toBe('dark');
    expect(cardTheme('light', document)).toBe('light');
    document.body.removeAttribute('style');
    expect(cardTheme('auto', document)).toBe('auto');
  });
});
