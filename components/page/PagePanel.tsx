import type { ComponentChild } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { hostOf, setPaused } from '@/lib/db/reader-settings';
import type { BackstoryDB } from '@/lib/db/schema';
import type { PageCard } from '@/lib/protocol/messages';
import type { ManagerEnv, TargetTab } from '../manager/env';
import { usePaused } from '../manager/use-setting';
import { HiddenCards } from './HiddenCards';
import { OnThisPage } from './OnThisPage';
import { SiteSwitch } from './SiteSwitch';
import { useSiteRules } from './use-site-rules';

/** Props of the "On this page" panel. */
export interface PagePanelProps {
  db: BackstoryDB;
  tab: TargetTab | undefined;
  env: Pick<ManagerEnv, 'requestTab' | 'refreshTabs'>;
  /** After the page scrolled to the card's mention (the popup then closes). */
  onRevealed(card: PageCard): void;
}

/**
 * The site switch, then the cards the page mentions; or, while Backstory marks nothing on
 * the page (paused, or off on the site), why not and how to turn it back on. Last, the
 * cards the reader chose not to mark on the site, to mark again.
 */
export function PagePanel({ db, tab, env, onRevealed }: PagePanelProps) {
  const host = tab?.url ? hostOf(tab.url) : undefined;
  const paused = usePaused(db);
  const rules = useSiteRules(db, host);
  // The setting is stored before the tabs have read the page again; the list is asked for
  // again only once they have, or it would show the page as it was.
  const [reading, setReading] = useState(0);
  const readAgain = () => setReading((count) => count + 1);
  const panel = useRef<HTMLDivElement>(null);
  const resume = async () => {
    await setPaused(db, false);
    await env.refreshTabs().catch(console.debug);
    readAgain();
    // The pressed button goes with the pause message: focus moves to the panel's first
    // control, the site switch, rather than falling to the page's body.
    requestAnimationFrame(() =>
      panel.current?.querySelector<HTMLElement>('[role="switch"], button')?.focus(),
    );
  };

  let body: ComponentChild;
  if (paused === undefined || (host && rules === undefined)) {
    body = <p role="status">Reading the page…</p>;
  } else if (paused) {
    body = (
      <div class="page-state">
        <p class="calm" role="status">
          Backstory is paused everywhere, so it marks nothing on this page.
        </p>
        <button type="button" class="button" onClick={() => void resume()}>
          Resume Backstory
        </button>
      </div>
    );
  } else if (rules?.off) {
    body = (
      <p class="calm" role="status">
        Backstory is off on <strong dir="auto">{host}</strong>, so it marks nothing here. Turn on the switch
        above to see which of your cards this page mentions.
      </p>
    );
  } else {
    body = <OnThisPage key={reading} tab={tab} env={env} onRevealed={onRevealed} />;
  }
  return (
    <div ref={panel} class="page-panel">
      <SiteSwitch db={db} tab={tab} env={env} onChanged={readAgain} />
      {body}
      {host && rules && (
        <HiddenCards db={db} host={host} hiddenCards={rules.hiddenCards} env={env} onRestored={readAgain} />
      )}
    </div>
  );
}
