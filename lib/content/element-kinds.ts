import { BLOCK_TAGS, SHADOW_HOST_TAGS, SKIPPED_TAGS } from './skip';

/**
 * What the page reader does with an element, by local name (bits). Also used by the rescans
 * (which shadow roots a host's reading covers) and by the readers the benchmark compares
 * with ours (tests/bench/reader/).
 */
export const BLOCK = 1;
export const SKIP = 2;
/** May carry a shadow root: only these elements and custom elements can (attachShadow). */
export const HOST = 4;
/** A custom element: its shadow root is looked for at once. */
export const CUSTOM = 8;

/**
 * Kind of each local name seen so far; filled on first sight, as custom element names vary.
 * The reader's loop reads it directly (a call per element costs there) and falls back to kindOf.
 */
const kinds = new Map<string, number>();
export const KINDS: ReadonlyMap<string, number> = kinds;
for (const name of BLOCK_TAGS) kinds.set(name, BLOCK);
for (const name of SKIPPED_TAGS) kinds.set(name, SKIP);
for (const name of SHADOW_HOST_TAGS) kinds.set(name, (kinds.get(name) ?? 0) | HOST);

/** The kind of an element with this local name (see BLOCK, SKIP, HOST, CUSTOM). */
export function kindOf(localName: string): number {
  let kind = kinds.get(localName);
  if (kind === undefined) {
    // A custom element's name has a hyphen; any other unknown element is plain inline.
    kind = localName.includes('-') ? HOST | CUSTOM : 0;
    kinds.set(localName, kind);
  }
  return kind;
}

/**
 * Whether the reader reads the open shadow root of `host`: a custom element's always, a
 * standard host's only when it has no child to read instead (see BlockReader.read in text-blocks.ts).
 */
export function readsShadowOf(host: Element): boolean {
  const kind = kindOf(host.localName);
  if ((kind & CUSTOM) !== 0) return true;
  if ((kind & HOST) === 0) return false;
  for (let child = host.firstChild; child; child = child.nextSibling)
    if (child.nodeType === 1 || child.nodeType === 3) return false;
  return true;
}
