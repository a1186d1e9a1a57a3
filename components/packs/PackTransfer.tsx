import { useEffect, useRef } from 'preact/hooks';
import type { BackstoryDB } from '@/lib/db/schema';
import type { ManagerEnv } from '../manager/env';
import { type ExportCounts, ExportForm } from './ExportForm';
import { ImportForm } from './ImportForm';
import type { PackImport } from './use-pack-import';

/** Props of the import and export section. */
export interface PackTransferProps {
  db: BackstoryDB;
  env: Pick<ManagerEnv, 'refreshTabs' | 'openPacks'>;
  view: 'popup' | 'tab';
  /** The import under way or just done (see usePackImport), kept by the manager. */
  packImport: PackImport;
  /** Takes focus on first render (the manager was opened at `#packs`). */
  focusOnOpen?: boolean;
  /** The export choices' card counts, once the manager's catalog is whole. */
  exportCounts?: ExportCounts | undefined;
}

/**
 * Import and export of packs, in the Settings panel. In the toolbar popup it only offers to
 * open them in a tab: a popup closes when a file dialog takes focus (in Firefox always), and
 * the import would be lost with it.
 */
export function PackTransfer({
  db,
  env,
  view,
  packImport,
  focusOnOpen = false,
  exportCounts,
}: PackTransferProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnOpen) heading.current?.focus();
  }, [focusOnOpen]);
  return (
    <section class="packs" aria-labelledby="packs-heading">
      <h2 ref={heading} id="packs-heading" class="panel__heading" tabIndex={-1}>
        Back up and share cards
      </h2>
      {view === 'popup' ? (
        <>
          <p class="pack-form__detail">Import a pack file or export your cards to one, in a tab.</p>
          <button type="button" class="button" onClick={() => void env.openPacks()}>
            Import or export in a tab
          </button>
        </>
      ) : (
        <>
          <ImportForm job={packImport} />
          <ExportForm db={db} counts={exportCounts} />
        </>
      )}
    </section>
  );
}
