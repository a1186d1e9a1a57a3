/** The reader's display preferences, set in the popup and sent to pages with each scan. */
export interface Preferences {
  /** Milliseconds the pointer rests on a mention before its card opens. */
  hoverDelayMs: number;
  /** A key that must be held for hover to open a card; 'none' opens on hover alone. */
  modifier: 'none' | 'alt' | 'shift' | 'ctrl' | 'meta';
  /** Underline every mention, or only the first mention of each card (all stay hoverable). */
  density: 'all' | 'first';
  theme: 'auto' | 'light' | 'dark';
}

/** Key of the preferences record in the settings table. */
export const PREFERENCES_KEY = 'preferences';

/** What a new reader gets: cards after 300 ms of hover, every mention underlined. */
export const DEFAULT_PREFERENCES: Preferences = {
  hoverDelayMs: 300,
  modifier: 'none',
  density: 'all',
  theme: 'auto',
};

/** Whether two sets of preferences are the same, field by field (every field the default has). */
export function samePreferences(a: Preferences, b: Preferences): boolean {
  return (Object.keys(DEFAULT_PREFERENCES) as (keyof Preferences)[]).every((key) => a[key] === b[key]);
}

const MODIFIERS = new Set(['none', 'alt', 'shift', 'ctrl', 'meta']);

/** Reads stored preferences, falling back to the default for any missing or bad field. */
export function readPreferences(value: unknown): Preferences {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const delay = v.hoverDelayMs;
  return {
    hoverDelayMs:
      typeof delay === 'number' && Number.isFinite(delay) && delay >= 0 && delay <= 5000
        ? delay
        : DEFAULT_PREFERENCES.hoverDelayMs,
    modifier: MODIFIERS.has(v.modifier as string)
      ? (v.modifier as Preferences['modifier'])
      : DEFAULT_PREFERENCES.modifier,
    density: v.density === 'first' ? 'first' : DEFAULT_PREFERENCES.density,
    theme: v.theme === 'light' || v.theme === 'dark' ? v.theme : DEFAULT_PREFERENCES.theme,
  };
}
