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
