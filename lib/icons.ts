/** The icon sizes the extension ships: toolbar (16, 32), extensions page (48) and store (128). */
export const ICON_SIZES = [16, 32, 48, 128] as const;

/**
 * Where each size lies in the built extension, by size: `public/icon/<size>.png`, a name
 * WXT recognises, so it lists them as the manifest's `icons` by itself.
 */
export function iconPaths(): Record<string, string> {
  return Object.fromEntries(ICON_SIZES.map((size) => [String(size), `icon/${size}.png`]));
}
