import { useId } from 'preact/hooks';
import { changePreferences } from '@/lib/db/reader-settings';
import type { BackstoryDB } from '@/lib/db/schema';
import type { Preferences } from '@/lib/protocol/preferences';
import type { ManagerEnv } from '../manager/env';
import { Choice } from './Choice';
import { DelayField } from './DelayField';

/** Props of the preferences form. */
export interface PreferencesFormProps {
  db: BackstoryDB;
  preferences: Preferences;
  env: Pick<ManagerEnv, 'refreshTabs'>;
}

const MODIFIERS: { value: Preferences['modifier']; label: string }[] = [
  { value: 'none', label: 'None: hovering is enough' },
  { value: 'alt', label: 'Alt (Option)' },
  { value: 'shift', label: 'Shift' },
  { value: 'ctrl', label: 'Ctrl' },
  { value: 'meta', label: 'Meta (⌘ or Windows key)' },
];

/** Hover delay, modifier key, density and theme; each change reaches open tabs at once. */
export function PreferencesForm({ db, preferences, env }: PreferencesFormProps) {
  const id = useId();
  const update = async (change: Partial<Preferences>) => {
    await changePreferences(db, change);
    await env.refreshTabs().catch(console.debug);
  };
  return (
    <div class="preferences">
      <DelayField
        id={`${id}-delay`}
        value={preferences.hoverDelayMs}
        onSave={(ms) => update({ hoverDelayMs: ms })}
      />
      <div class="field">
        <label class="field__label" for={`${id}-modifier`}>
          Key to hold while hovering
        </label>
        <select
          id={`${id}-modifier`}
          class="field__input"
          value={preferences.modifier}
          onChange={(event) =>
            void update({ modifier: event.currentTarget.value as Preferences['modifier'] })
          }
        >
          {MODIFIERS.map(({ value, label }) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <Choice
        legend="Underline"
        name={`${id}-density`}
        value={preferences.density}
        options={[
          { value: 'all', label: 'Every mention' },
          { value: 'first', label: 'Only the first mention of each card' },
        ]}
        onChange={(density) => void update({ density })}
      />
      <Choice
        legend="Theme"
        name={`${id}-theme`}
        value={preferences.theme}
        options={[
          { value: 'auto', label: 'Like the system' },
          { value: 'light', label: 'Light' },
          { value: 'dark', label: 'Dark' },
        ]}
        onChange={(theme) => void update({ theme })}
      />
    </div>
  );
}
