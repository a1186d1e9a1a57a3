import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ManagerEnv } from './manager/env';

/** Props of a switch whose setting changes what open tabs show. */
export interface TabsSwitchProps {
  /** On or off; undefined while the setting is still being read (the switch is disabled). */
  on: boolean | undefined;
  /** Stores the new setting. */
  save(on: boolean): Promise<void>;
  env: Pick<ManagerEnv, 'refreshTabs'>;
  /** After the open tabs have repainted, so what they now show can be read again. */
  onChanged?(): void;
  /** The switch's label. */
  children: ComponentChildren;
}

/**
 * A labelled on/off switch: a change is stored, then open tabs are told to repaint at once.
 * It shows the reader's choice from the click on, until the stored setting says the same
 * (or the write fails): a render in between, with the setting still unchanged, would turn
 * it back under the reader's pointer.
 */
export function TabsSwitch({ on, save, env, onChanged, children }: TabsSwitchProps) {
  const [wanted, setWanted] = useState<boolean>();
  useEffect(() => {
    if (wanted !== undefined && on === wanted) setWanted(undefined);
  }, [on, wanted]);
  const toggle = async (next: boolean) => {
    setWanted(next);
    try {
      await save(next);
    } catch (error) {
      // The switch turning back is what the reader sees; the reason goes to the console.
      setWanted(undefined);
      console.warn('Backstory: the setting was not saved', error);
      return;
    }
    await env.refreshTabs().catch(console.debug);
    onChanged?.();
  };
  const shown = wanted ?? on;
  return (
    <label class="switch">
      <input
        type="checkbox"
        role="switch"
        checked={shown === true}
        aria-checked={shown === true}
        disabled={shown === undefined}
        onChange={(event) => void toggle(event.currentTarget.checked)}
      />
      <span>{children}</span>
    </label>
  );
}
