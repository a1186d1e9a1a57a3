/**
 * Manifest command names, bound to keys in wxt.config.ts (rebindable by the reader). The
 * background relays them to the page; the settings list them with their keys.
 */
export const COMMANDS = { next: 'next-mention', previous: 'previous-mention' } as const;
