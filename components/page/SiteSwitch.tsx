import { hostOf, setSiteDisabled } from '@/lib/db/reader-settings';
import type { BackstoryDB } from '@/lib/db/schema';
import type { ManagerEnv, TargetTab } from '../manager/env';
import { TabsSwitch } from '../TabsSwitch';
import { useSiteRules } from './use-site-rules';

/** Props of the per-site switch. */
export interface SiteSwitchProps {
  db: BackstoryDB;
  tab: TargetTab | undefined;
  env: Pick<ManagerEnv, 'refreshTabs'>;
  /** After the site's tabs have repainted. */
  onChanged?(): void;
}

/** "Run Backstory on this site": off clears the marks on the site's open tabs at once. */
export function SiteSwitch({ db, tab, env, onChanged }: SiteSwitchProps) {
  const host = tab?.url ? hostOf(tab.url) : undefined;
  const rules = useSiteRules(db, host);
  if (!host) {
    return <p class="calm">Backstory can’t tell which site this tab shows, so it has no switch for it.</p>;
  }
  return (
    <TabsSwitch
      on={rules && !rules.off}
      save={(on) => setSiteDisabled(db, host, !on)}
      env={env}
      onChanged={onChanged}
    >
      Run Backstory on <strong dir="auto">{host}</strong>
    </TabsSwitch>
  );
}
