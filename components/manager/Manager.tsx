import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { markUsed } from '@/lib/db/recent-cards';
import type { BackstoryDB } from '@/lib/db/schema';
import { exportCounts } from '../packs/ExportForm';
import { PackTransfer } from '../packs/PackTransfer';
import { usePackImport } from '../packs/use-pack-import';
import { PagePanel } from '../page/PagePanel';
import { PauseSwitch } from '../settings/PauseSwitch';
import { PreferencesForm } from '../settings/PreferencesForm';
import { ShortcutList } from '../settings/ShortcutList';
import { CardsPanel } from './CardsPanel';
import type { ManagerEnv, TargetTab } from './env';
import { KeptDraftBar } from './KeptDraftBar';
import { LoadFailure } from './LoadFailure';
import { type PanelTab, PanelTabs } from './PanelTabs';
import { UndoBar } from './UndoBar';
import { useCardActions } from './use-card-actions';
import { useCatalog } from './use-catalog';
import { useEditing } from './use-editing';
import { usePreferences, useRecent } from './use-setting';
import { useShortcuts } from './use-shortcuts';
import { useTheme } from './use-theme';
import { useWideWindow } from './use-wide-window';

/** Props of the card manager. */
export interface ManagerProps {
  db: BackstoryDB;
  env: ManagerEnv;
  /** The toolbar popup, or the full-tab manager (a wider layout). */
  view: 'popup' | 'tab';
  /** A card to open for editing at once (`#card=<id>`). */
  initialCardId?: string;
  /** The panel to open with (Settings for `#packs`, where import and export are). */
  initialPanel?: Panel;
}

export type Panel = 'cards' | 'page' | 'settings';
const ID = 'manager';
const TABS: PanelTab<Panel>[] = [
  { key: 'cards', label: 'Cards' },
  { key: 'page', label: 'On this page' },
  { key: 'settings', label: 'Settings' },
];

/** The card manager: cards, what the current page mentions, and settings. */
export function Manager({ db, env, view, initialCardId, initialPanel = 'cards' }: ManagerProps) {
  const { catalog, state, failure } = useCatalog(db);
  const wideWindow = useWideWindow();
  const recent = useRecent(db);
  const preferences = usePreferences(db);
  const actions = useCardActions(db, env, catalog);
  // Kept here, not in the Settings panel, so that an import's Undo outlives leaving it.
  const packImport = usePackImport(db, env);
  // From the catalog, which follows every change: no read of every card of its own.
  const counts = useMemo(() => (state?.complete ? exportCounts(state.entries) : undefined), [state]);
  // Opened at import and export (#packs), their heading takes focus once, not on every return.
  const focusPacks = useRef(initialPanel === 'settings');
  useEffect(() => {
    focusPacks.current = false;
  }, []);
  const [panel, setPanel] = useState<Panel>(initialPanel);
  const editor = useEditing(db, initialCardId ? { id: initialCardId } : undefined);
  const { editing } = editor;
  const [tab, setTab] = useState<TargetTab | undefined>();
  const searchRef = useRef<HTMLInputElement | null>(null);
  const listRef = useRef<HTMLDivElement | null>(null);
  useTheme(preferences.theme);
  useEffect(() => {
    env.targetTab().then(setTab, () => setTab(undefined));
  }, [env]);
  // Opened to look a card up, the manager is ready for typing, as store extensions' popups
  // are; the row shown as active is then what Enter in the field opens.
  useEffect(() => {
    if (!initialCardId && initialPanel === 'cards') searchRef.current?.focus();
  }, []);
  // A card opened from a page ("Edit in Backstory") was chosen there: it goes to the top of
  // the list as the most recently used, so the row shown as active is the one being edited.
  useEffect(() => {
    if (initialCardId) markUsed(db, initialCardId).catch(console.error);
  }, []);

  const showCards = () => {
    setPanel('cards');
    // In the popup the list and the editor take turns: an editor holding changes asks first.
    if (view === 'popup' && editing && !editor.open(undefined)) return;
    requestAnimationFrame(() => searchRef.current?.focus());
  };
  useShortcuts({
    search: showCards,
    newCard: () => {
      setPanel('cards');
      editor.open({ id: undefined });
    },
    undo: () => void actions.undo(),
  });
  // The undo bar goes once used, and focus with it: it goes back to the cards, to the row
  // where the deleted card was (Undo brings it back there), or the search field; with the
  // list out of sight, to the chosen tab.
  const afterUndoBar = () =>
    requestAnimationFrame(() => {
      const row = listRef.current?.querySelector<HTMLElement>('button[tabindex="0"]');
      const target = [row, searchRef.current].find((element) => element && !element.closest('[hidden]'));
      (target ?? document.getElementById(`${ID}-tab-${panel}`))?.focus();
    });
  const openInTab =
    view === 'popup'
      ? (cardId?: string) => {
          env.openInTab(cardId).then(() => env.close(), console.error);
        }
      : undefined;

  return (
    <div class={`manager manager--${view}`}>
      <header class="manager__header">
        <h1 class="manager__title">Backstory</h1>
        {openInTab && (
          <button type="button" class="button button--quiet" onClick={() => openInTab(editing?.id)}>
            Open in a tab
          </button>
        )}
      </header>
      {/* The landmark screen reader users jump to; the header stays outside it. */}
      <main class="manager__main">
        {failure !== undefined && <LoadFailure error={failure} />}
        <PanelTabs<Panel>
          idBase={ID}
          selected={panel}
          onSelect={setPanel}
          // A manager in its own tab has no page to show: "On this page" would only say so.
          tabs={view === 'tab' && !tab ? TABS.filter((t) => t.key !== 'page') : TABS}
        />
        {!editing && (
          <KeptDraftBar
            db={db}
            onContinue={(id, draft, slot) => {
              // Offered on every panel: the editor is on the cards panel.
              setPanel('cards');
              editor.open({ id, draft, slot });
            }}
          />
        )}
        <div
          id={`${ID}-panel-cards`}
          role="tabpanel"
          aria-labelledby={`${ID}-tab-cards`}
          hidden={panel !== 'cards'}
          class="panel"
        >
          <CardsPanel
            db={db}
            state={state}
            recent={recent}
            actions={actions}
            editor={editor}
            wide={view === 'tab' && wideWindow}
            searchRef={searchRef}
            listRef={listRef}
            loadFailed={failure !== undefined}
          />
        </div>
        {panel === 'page' && (
          <div id={`${ID}-panel-page`} role="tabpanel" aria-labelledby={`${ID}-tab-page`} class="panel">
            <PagePanel
              db={db}
              tab={tab}
              env={env}
              onRevealed={(card) => {
                markUsed(db, card.id).catch(console.error);
                env.close();
              }}
            />
          </div>
        )}
        {panel === 'settings' && (
          <div
            id={`${ID}-panel-settings`}
            role="tabpanel"
            aria-labelledby={`${ID}-tab-settings`}
            class="panel"
          >
            <PauseSwitch db={db} env={env} />
            <PreferencesForm db={db} preferences={preferences} env={env} />
            <ShortcutList />
            <PackTransfer
              db={db}
              env={env}
              view={view}
              packImport={packImport}
              focusOnOpen={focusPacks.current}
              exportCounts={counts}
            />
          </div>
        )}
        <UndoBar
          deleted={actions.deleted}
          onUndo={() => {
            actions.undo().then(afterUndoBar, console.error);
          }}
          onDismiss={() => {
            actions.dismissUndo();
            afterUndoBar();
          }}
        />
        <p class="visually-hidden" role="status">
          {actions.message}
        </p>
      </main>
    </div>
  );
}
