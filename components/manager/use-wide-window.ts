import { useEffect, useState } from 'preact/hooks';

/**
 * The width from which the full-tab manager shows the list and the editor side by side;
 * narrower (a small window, or a zoom of 200% on a laptop) it shows one at a time, as the
 * popup does. 720 CSS px leaves the editor some 400 px beside a 300 px list.
 */
export const SIDE_BY_SIDE = '(min-width: 720px)';

/** Whether the window is wide enough for two columns; follows resizes and zoom changes. */
export function useWideWindow(win: Window = window): boolean {
  const [wide, setWide] = useState(() => win.matchMedia(SIDE_BY_SIDE).matches);
  useEffect(() => {
    const query = win.matchMedia(SIDE_BY_SIDE);
    const update = () => setWide(query.matches);
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, [win]);
  return wide;
}
