import { browser } from 'wxt/browser';
import { COMMANDS } from '@/lib/protocol/commands';

/** A command as `commands.getAll()` reports it. */
export interface BoundCommand {
  name?: string;
  /** The key as the browser shows it; empty or absent when the reader unbound it. */
  shortcut?: string;
}

/** The part of `browser.commands` the settings read. Tests pass their own: WXT's fake browser has none. */
export interface CommandsApi {
  getAll(): Promise<BoundCommand[]>;
}

/** One of the page shortcuts, with its key: `null` for none, `undefined` when the browser did not say. */
export interface PageShortcut {
  action: string;
  keys: string | null | undefined;
  /** The key set in wxt.config.ts, shown when the browser does not say which is bound. */
  defaultKeys: string;
}

const PAGE_COMMANDS = [
  { name: COMMANDS.next, action: 'Go to the next marked term and open its card', defaultKeys: 'Alt+Shift+.' },
  {
    name: COMMANDS.previous,
    action: 'Go to the previous marked term and open its card',
    defaultKeys: 'Alt+Shift+,',
  },
] as const;

/** `browser.commands`, or null where the browser has none. */
export function browserCommands(): CommandsApi | null {
  return typeof browser.commands?.getAll === 'function' ? browser.commands : null;
}

// Firefox reports keys as the manifest names them ("Alt+Shift+Period"); Chromium as shown.
const KEY_NAMES: Record<string, string> = { Period: '.', Comma: ',' };
const readable = (shortcut: string) =>
  shortcut
    .split('+')
    .map((key) => KEY_NAMES[key] ?? key)
    .join('+');

/**
 * The page shortcuts with the keys the reader has bound now (they can change them in the
 * browser); keys are `undefined` when the API is missing or fails.
 */
export async function readPageShortcuts(commands: CommandsApi | null): Promise<PageShortcut[]> {
  // Started inside then(): an API that throws at once (WXT's fake browser does) is caught too.
  const bound = await Promise.resolve()
    .then(() => commands?.getAll())
    .catch(() => undefined);
  return PAGE_COMMANDS.map(({ name, action, defaultKeys }) => {
    if (!bound) return { action, keys: undefined, defaultKeys };
    const shortcut = bound.find((command) => command.name === name)?.shortcut;
    return { action, keys: shortcut ? readable(shortcut) : null, defaultKeys };
  });
}
