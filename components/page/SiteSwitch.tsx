import { hostOf } from '@/lib/background/site-state';
import { setSiteDisabled } from '@/lib/db/reader-settings';
import type { BackstoryDB } from '@/lib/db/schema';
import type { ManagerEnv, TargetTab } from '../manager/env';
import { useLiveQuery } from '../use-live-query';

/** Props of the per-site switch. */
export interface SiteSwitchProps {
  db: BackstoryDB;
  tab: TargetTab | undefined;
  env: Pick<ManagerEnv, 'refreshTabs'>;
}

/** "Run Backstory on this site": off clears the marks on the site's open tabs at once. */
export function SiteSwitch({ db, tab, env }: SiteSwitchProps) {
  const host = tab?.url ? hostOf(tab.url) : undefined;
  const site = useLiveQuery(async () => (host ? ((await db.sites.get(host)) ?? null) : null), [db, host]);
  if (!host) {
    return <p class="calm">Backstory can’t tell which site this tab shows, so it has no switch for it.</p>;
  }
  const enabled = site !== undefined && site?.disabled !== true;
  const toggle = async (enabled: boolean) => {
    await setSiteDisabled(db, host, !enabled);
    await env.refreshTabs().catch(console.debug);
  };
  return (
    <label class="switch">
      <input
        type="checkbox"
        role="switch"
        checked={enabled}
        aria-checked={enabled}
        disabled={site === undefined}
        onChange={(event) => void toggle(event.currentTarget.checked)}
      />
      <span>
        Run Backstory on <strong dir="auto">{host}</strong>
      </span>
    </label>
  );
}
