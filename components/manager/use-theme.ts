import { useEffect } from 'preact/hooks';
import type { Preferences } from '@/lib/protocol/preferences';

/**
 * Applies the reader's theme to the manager page. The stylesheet picks colours with
 * `light-dark()`, so setting `color-scheme` on the root is all a theme change takes;
 * "auto" follows the system.
 */
export function useTheme(theme: Preferences['theme'], root: HTMLElement = document.documentElement): void {
  useEffect(() => {
    root.dataset.theme = theme;
    root.style.colorScheme = theme === 'auto' ? 'light dark' : theme;
  }, [theme, root]);
}
