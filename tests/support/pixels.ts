/**
 * Run in a blank page: the RGBA bytes of an image, row by row. The image is a PNG data URL;
 * a screenshot is decoded away from the page it shows, so that page's scripts and CSP play
 * no part. Keep the images small (a mention's box): the bytes come back as a plain array.
 */
export async function imagePixels(source: string): Promise<number[]> {
  const image = new Image();
  image.src = source;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height;
  const context = canvas.getContext('2d') as CanvasRenderingContext2D;
  context.drawImage(image, 0, 0);
  return Array.from(context.getImageData(0, 0, canvas.width, canvas.height).data);
}

/**
 * The share of the pixels that are bluish (blue above red by 12 or more), which is how
 * Backstory's underline and tints read against black text on white.
 */
export function bluishShare(pixels: readonly number[]): number {
  let tinted = 0;
  for (let i = 0; i < pixels.length; i += 4) if ((pixels[i + 2] ?? 0) - (pixels[i] ?? 0) >= 12) tinted++;
  return tinted / (pixels.length / 4);
}

/**
 * The bluish stretches along the most bluish row of an image `width` pixels wide, as their
 * lengths from left to right: one long stretch for a solid underline, many short ones for a
 * dotted one.
 */
export function bluishRuns(pixels: readonly number[], width: number): number[] {
  const bluish = (i: number) => (pixels[i * 4 + 2] ?? 0) - (pixels[i * 4] ?? 0) >= 12;
  const rows = pixels.length / 4 / width;
  let best: number[] = [];
  let bestCount = 0;
  for (let y = 0; y < rows; y++) {
    const runs: number[] = [];
    let count = 0;
    let run = 0;
    for (let x = 0; x <= width; x++) {
      if (x < width && bluish(y * width + x)) {
        run++;
        count++;
      } else if (run > 0) {
        runs.push(run);
        run = 0;
      }
    }
    if (count > bestCount) {
      best = runs;
      bestCount = count;
    }
  }
  return best;
}

/** The colours, most used first, as `r,g,b` with their share of the pixels (the first `top`). */
export function commonColours(pixels: readonly number[], top = 4): [string, number][] {
  const counts = new Map<string, number>();
  for (let i = 0; i < pixels.length; i += 4) {
    const key = `${pixels[i]},${pixels[i + 1]},${pixels[i + 2]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const total = pixels.length / 4;
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, count]) => [key, count / total]);
}

/**
 * Relative luminance (WCAG 2.2) of an opaque colour given as `r,g,b` or `rgb(r, g, b)`. A
 * colour with an alpha below 1 (`getComputedStyle` gives transparent as `rgba(0, 0, 0, 0)`)
 * is refused: what shows through it is not known here.
 */
function luminance(colour: string): number {
  const numbers = colour.match(/\d+(\.\d+)?/g)?.map(Number) ?? [];
  if (numbers.length < 3) throw new Error(`not an RGB colour: ${colour}`);
  if (numbers.length > 3 && (numbers[3] as number) < 1)
    throw new Error(`a translucent colour has no contrast of its own: ${colour}`);
  const [r, g, b] = numbers.slice(0, 3).map((value) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two colours (1 to 21), each `r,g,b` or `rgb(r, g, b)`. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
