import type { ComponentChildren } from 'preact';
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

/** A labelled on/off switch: a change is stored, then open tabs are told to repaint at once. */
export function TabsSwitch({ on, save, env, onChanged, children }: TabsSwitchProps) {
  const toggle = async (on: boolean) => {
    await save(on);
    await env.refreshTabs().catch(console.debug);
    onChanged?.();
  };
  return (
    <label class="switch">
      <input
        type="checkbox"
        role="switch"
        checked={on === true}
        aria-checked={on === true}
        disabled={on === undefined}
        onChange={(event) => void toggle(event.currentTarget.checked)}
      />
      <span>{children}</span>
    </label>
  );
}
