import { useEffect, useRef, useState } from 'preact/hooks';

/** The fields the reader has left, so their errors may show, and how to note leaving one. */
export interface Touched {
  touched: ReadonlySet<string>;
  /** Notes that the reader left the field `key`. */
  leave(key: string): void;
  /** The form's `onPointerDown`. */
  onPointerDown(): void;
}

// Each of these ends a press that began in the form. A mouse's click comes in the same task
// as its release, so the timer set on `pointerup` fires after the click; a tap's click comes
// later and ends the press itself.
const PRESS_ENDS = ['click', 'contextmenu', 'pointercancel'] as const;

/**
 * The fields the reader has left. Leaving a field by pressing something else in the form
 * counts once the press is over: the error that then appears under the field pushes down
 * all that follows, and between press and release that would move the pressed button from
 * under the pointer, and the click would be lost. Leaving by keyboard counts at once.
 */
export function useTouched(): Touched {
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const pressing = useRef(false);
  const held = useRef<string[]>([]);
  const touch = (keys: readonly string[]) =>
    setTouched((before) => (keys.every((key) => before.has(key)) ? before : new Set([...before, ...keys])));

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const release = () => {
      clearTimeout(timer);
      if (!pressing.current) return;
      pressing.current = false;
      touch(held.current);
      held.current = [];
    };
    const released = (event: PointerEvent) => {
      if (event.pointerType === 'mouse') timer = setTimeout(release, 0);
    };
    for (const type of PRESS_ENDS) window.addEventListener(type, release);
    // Whatever a key does, the reader has moved on from the press.
    window.addEventListener('keydown', release, true);
    window.addEventListener('pointerup', released);
    return () => {
      clearTimeout(timer);
      for (const type of PRESS_ENDS) window.removeEventListener(type, release);
      window.removeEventListener('keydown', release, true);
      window.removeEventListener('pointerup', released);
    };
  }, []);

  return {
    touched,
    leave: (key) => {
      if (pressing.current) held.current.push(key);
      else touch([key]);
    },
    onPointerDown: () => {
      pressing.current = true;
    },
  };
}
