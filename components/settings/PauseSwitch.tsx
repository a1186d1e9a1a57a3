import { setPaused } from '@/lib/db/reader-settings';
import type { BackstoryDB } from '@/lib/db/schema';
import type { ManagerEnv } from '../manager/env';
import { usePaused } from '../manager/use-setting';
import { TabsSwitch } from '../TabsSwitch';

/** Props of the global pause. */
export interface PauseSwitchProps {
  db: BackstoryDB;
  env: Pick<ManagerEnv, 'refreshTabs'>;
}

/** Pauses Backstory on every site; open tabs lose (and regain) their marks at once. */
export function PauseSwitch({ db, env }: PauseSwitchProps) {
  const paused = usePaused(db);
  return (
    <TabsSwitch on={paused} save={(pause) => setPaused(db, pause)} env={env}>
      Pause Backstory everywhere
    </TabsSwitch>
  );
}
