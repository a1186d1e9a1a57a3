import { setPaused } from '@/lib/db/reader-settings';
import type { BackstoryDB } from '@/lib/db/schema';
import type { ManagerEnv } from '../manager/env';
import { usePaused } from '../manager/use-setting';

/** Props of the global pause. */
export interface PauseSwitchProps {
  db: BackstoryDB;
  env: Pick<ManagerEnv, 'refreshTabs'>;
}

/** Pauses Backstory on every site; open tabs lose (and regain) their marks at once. */
export function PauseSwitch({ db, env }: PauseSwitchProps) {
  const paused = usePaused(db);
  const toggle = async (pause: boolean) => {
    await setPaused(db, pause);
    await env.refreshTabs().catch(console.debug);
  };
  return (
    <label class="switch">
      <input
        type="checkbox"
        role="switch"
        checked={paused === true}
        aria-checked={paused === true}
        disabled={paused === undefined}
        onChange={(event) => void toggle(event.currentTarget.checked)}
      />
      <span>Pause Backstory everywhere</span>
    </label>
  );
}
