import { useRef, useState } from 'preact/hooks';
import {
  type ImportChoice,
  type ImportPlan,
  type ImportUndo,
  type ImportUndone,
  importPack,
  planImport,
  undoImport,
} from '@/lib/db/pack-import';
import type { BackstoryDB } from '@/lib/db/schema';
import { checkPackSize, readPackBytes } from '@/lib/pack/read-pack';
import type { Pack } from '@/lib/pack/types';
import type { ManagerEnv } from '../manager/env';

/** Where an import stands, from choosing a file to undoing it. */
export type ImportState =
  | { step: 'idle' }
  | { step: 'reading'; file: string }
  | { step: 'refused'; file: string; problems: string[] }
  | { step: 'preview'; file: string; pack: Pack; plan: ImportPlan }
  | { step: 'writing'; file: string; written: number; total: number }
  | { step: 'done'; title: string; written: number; undo: ImportUndo; undone?: ImportUndone }
  | { step: 'failed'; message: string };

/** A pack file as the import reads it: a browser `File` outside tests. */
export interface PackFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** The import's steps, and what the reader can do at each. */
export interface PackImport {
  state: ImportState;
  choose(file: PackFile): Promise<void>;
  confirm(choice: ImportChoice): Promise<void>;
  cancel(): void;
  undo(): Promise<void>;
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Reads a chosen pack file, shows what importing it would do, writes it when the reader
 * confirms (open tabs repaint at once) and can take it back. Nothing is written before the
 * reader confirms, and a refused file changes nothing.
 */
export function usePackImport(db: BackstoryDB, env: Pick<ManagerEnv, 'refreshTabs'>): PackImport {
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  // The latest choice of file (or cancel): a slower read of an earlier file shows nothing.
  const choice = useRef(0);
  // Set at once, where `state` waits for a render: a double click writes or undoes once.
  const busy = useRef(false);
  const repaint = () =>
    env.refreshTabs().catch((error: unknown) => console.debug('Backstory: tabs not refreshed', error));

  return {
    state,
    choose: async (file) => {
      if (busy.current) return;
      const mine = ++choice.current;
      const show = (next: ImportState) => mine === choice.current && setState(next);
      const tooLarge = checkPackSize(file.name, file.size);
      if (tooLarge) return void show({ step: 'refused', file: file.name, problems: [tooLarge] });
      show({ step: 'reading', file: file.name });
      try {
        const read = readPackBytes(file.name, new Uint8Array(await file.arrayBuffer()));
        if (!read.ok) return void show({ step: 'refused', file: file.name, problems: read.problems });
        const plan = await planImport(db, read.pack);
        show({ step: 'preview', file: file.name, pack: read.pack, plan });
      } catch (error) {
        show({
          step: 'refused',
          file: file.name,
          problems: [`${file.name}: could not be read: ${reason(error)}`],
        });
      }
    },
    confirm: async (replace) => {
      if (state.step !== 'preview' || busy.current) return;
      busy.current = true;
      const { file } = state;
      setState({ step: 'writing', file, written: 0, total: 0 });
      try {
        const result = await importPack(db, state.pack, replace, Date.now(), (written, total) =>
          setState({ step: 'writing', file, written, total }),
        );
        setState({ step: 'done', title: state.pack.pack.title, written: result.written, undo: result.undo });
        void repaint();
      } catch (error) {
        setState({ step: 'failed', message: `The import failed and nothing was changed: ${reason(error)}` });
      } finally {
        busy.current = false;
      }
    },
    cancel: () => {
      choice.current++;
      setState({ step: 'idle' });
    },
    undo: async () => {
      if (state.step !== 'done' || state.undone !== undefined || busy.current) return;
      busy.current = true;
      try {
        const { removed, deletedAgain, putBack } = await undoImport(db, state.undo);
        setState({ ...state, undone: { removed, deletedAgain, putBack } });
        void repaint();
      } catch (error) {
        setState({ step: 'failed', message: `The import could not be undone: ${reason(error)}` });
      } finally {
        busy.current = false;
      }
    },
  };
}
