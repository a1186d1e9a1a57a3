import { browserEnv } from '@/components/manager/env';
import { Manager } from '@/components/manager/Manager';
import { readPageParams } from '@/components/manager/page-params';
import type { BackstoryDB } from '@/lib/db/schema';

/** The popup page: the card manager, as a popup or (`?view=tab`) in a full tab. */
export function App({ db, href }: { db: BackstoryDB; href: string }) {
  const params = readPageParams(href);
  const env = browserEnv({
    isPopup: params.view === 'popup',
    ...(params.tab ? { override: params.tab } : {}),
  });
  return (
    <Manager
      db={db}
      env={env}
      view={params.view}
      {...(params.cardId ? { initialCardId: params.cardId } : {})}
      {...(params.packs ? { initialPanel: 'settings' as const } : {})}
    />
  );
}
