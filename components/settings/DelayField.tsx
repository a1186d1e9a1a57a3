import { useEffect, useRef, useState } from 'preact/hooks';

/** Props of the hover delay field. */
export interface DelayFieldProps {
  id: string;
  /** The stored delay, ms. */
  value: number;
  onSave(ms: number): Promise<void>;
}

const MAX_MS = 5000;
const STEP_MS = 50;

/**
 * What a typed delay becomes: a whole number of steps (the arrows' 50 ms, so the field never
 * holds a value it calls invalid) between 0 and 5,000 ms; undefined for no number at all.
 */
export function delayFrom(text: string): number | undefined {
  const typed = Number(text);
  if (text.trim() === '' || !Number.isFinite(typed)) return undefined;
  return Math.min(MAX_MS, Math.max(0, Math.round(typed / STEP_MS) * STEP_MS));
}

/**
 * The hover delay. A typed value is taken when the field is left or Enter is pressed; the
 * field then shows what was stored, and a line under it says so, and says why when the value
 * was changed on the way (out of range, between steps) or not taken (no number).
 */
export function DelayField({ id, value, onSave }: DelayFieldProps) {
  // What is stored: the prop, or what this field saved before the prop has caught up.
  const [stored, setStored] = useState(value);
  const [text, setText] = useState(String(value));
  const [note, setNote] = useState('');
  useEffect(() => {
    setStored(value);
    setText(String(value));
  }, [value]);

  // What the last commit took, until the reader types again: the change event and the blur
  // that follows it are one commit, not two.
  const taken = useRef<string | undefined>(undefined);
  const commit = async (typed: string) => {
    if (taken.current === typed || typed === String(stored)) return;
    taken.current = typed;
    const ms = delayFrom(typed);
    if (ms === undefined) {
      setText(String(stored));
      setNote(`Not a number of milliseconds; the delay stays ${stored.toLocaleString()} ms.`);
      return;
    }
    await onSave(ms);
    setStored(ms);
    setText(String(ms));
    const asked = Number(typed);
    const why =
      asked > MAX_MS
        ? ' (the longest delay)'
        : asked < 0
          ? ' (no delay)'
          : asked !== ms
            ? ` (to the nearest ${STEP_MS} ms)`
            : '';
    setNote(`Saved: cards open ${ms.toLocaleString()} ms after the pointer rests on a mention${why}.`);
  };

  return (
    <div class="field">
      <label class="field__label" for={id}>
        Hover delay before a card opens (milliseconds)
      </label>
      <input
        id={id}
        class="field__input field__input--short"
        type="number"
        min={0}
        max={MAX_MS}
        step={STEP_MS}
        value={text}
        aria-describedby={`${id}-note`}
        onInput={(event) => {
          taken.current = undefined;
          setText(event.currentTarget.value);
        }}
        onChange={(event) => void commit(event.currentTarget.value)}
        // Firefox lets letters into a number field and then reports its value as "" with no
        // change event when it was "" before: leaving the field or Enter takes it too.
        onBlur={(event) => void commit(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') void commit(event.currentTarget.value);
        }}
      />
      <p id={`${id}-note`} class="field__hint" role="status">
        {note}
      </p>
    </div>
  );
}
