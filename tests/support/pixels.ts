/**
 * Run in a blank page: the share of an image's pixels that are bluish (blue above red by 12
 * or more), which is how Backstory's underline and tints read against black text on white.
 * The image is a PNG data URL; a screenshot is decoded away from the page it shows, so that
 * page's scripts and CSP play no part.
 */
export async function bluishShare(source: string): Promise<number> {
  const image = new Image();
  image.src = source;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height;
  const context = canvas.getContext('2d') as CanvasRenderingContext2D;
  context.drawImage(image, 0, 0);
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
  let tinted = 0;
  for (let i = 0; i < pixels.length; i += 4) if ((pixels[i + 2] ?? 0) - (pixels[i] ?? 0) >= 12) tinted++;
  return tinted / (pixels.length / 4);
}

/**
 * Run in a blank page: an image's colours, most used first, as `r,g,b` with their share of
 * the pixels (the first `top` of them). The image is a PNG data URL, as for bluishShare.
 */
export async function commonColours(source: string, top = 4): Promise<[string, number][]> {
  const image = new Image();
  image.src = source;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height;
  const context = canvas.getContext('2d') as CanvasRenderingContext2D;
  context.drawImage(image, 0, 0);
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
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
