import { BLOCK_TAGS, isSkipped } from './skip';

/** One text node's place in its block's text. */
export interface Piece {
  node: Text;
  /** Offset of the node's first character in the block's text. */
  start: number;
}

/** The text of one block (a paragraph, a list item, a cell…) and the nodes it came from. */
export interface TextBlock {
  text: string;
  pieces: Piece[];
}

const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;
/** How many nodes are read between two looks at the clock. */
const NODES_PER_CLOCK_CHECK = 256;

/** True for an element that starts a block of text. */
export function isBlock(node: Node): boolean {
  return node.nodeType === 1 && BLOCK_TAGS.has((node as Element).localName);
}

/** The nearest block element around a node (or the shadow root / document it is in). */
export function blockOwner(node: Node): Node | null {
  let parent = node.parentNode;
  while (parent && !isBlock(parent) && parent.nodeType === 1) parent = parent.parentNode;
  return parent;
}

/** Moves the walker past the current node's subtree; returns the next node, or null at the end. */
function skipSubtree(walker: TreeWalker): Node | null {
  for (;;) {
    const next = walker.nextSibling();
    if (next) return next;
    if (!walker.parentNode()) return null;
  }
}

/**
 * Reads the text under a root block by block, so that a mention may span inline elements
 * (`NATO–Russia <em>Founding Act</em>`) but never a block edge. Skipped elements (see
 * skip.ts) are not entered; open shadow roots are read as blocks of their own. Reading can
 * stop at a deadline and resume, so a huge page never blocks the main thread for long; it
 * is iterative, so deep pages cannot overflow the stack.
 *
 * Speed matters here (this is most of Backstory's main-thread time): the walker has no
 * filter callback, and each element's block is looked up from its parent's, once.
 */
export class BlockReader {
  readonly blocks: TextBlock[] = [];
  private readonly roots: Node[];
  private walker: TreeWalker | undefined;
  /** The node to visit next after a skipped subtree; `done` when the root had nothing after it. */
  private pending: Node | null | 'done' = null;
  private current: TextBlock = { text: '', pieces: [] };
  private owner: Node | null = null;
  /** Block owner of every element visited so far (for its children). */
  private readonly owners = new Map<Node, Node | null>();

  constructor(root: Node) {
    this.roots = [root];
  }

  /** Reads until everything is read (true) or `deadline` (a performance.now() time) passes (false). */
  read(deadline = Number.POSITIVE_INFINITY, now: () => number = () => performance.now()): boolean {
    let count = 0;
    for (;;) {
      const walker = this.walker ?? this.nextWalker();
      if (!walker) return true;
      const node = this.pending === 'done' ? null : (this.pending ?? walker.nextNode());
      this.pending = null;
      if (!node) {
        this.flush();
        this.walker = undefined;
        continue;
      }
      if (node.nodeType === 1) this.visitElement(node as Element, walker);
      else if (node.nodeType === 3) this.visitText(node as Text);
      if (++count % NODES_PER_CLOCK_CHECK === 0 && now() > deadline) return false;
    }
  }

  private nextWalker(): TreeWalker | undefined {
    const root = this.roots.shift();
    if (!root) return undefined;
    const doc = root.ownerDocument ?? (root as Document);
    this.owner = null;
    this.owners.set(root, isBlock(root) || root.nodeType !== 1 ? root : blockOwner(root));
    this.walker = doc.createTreeWalker(root, SHOW_ELEMENT_AND_TEXT);
    return this.walker;
  }

  private visitElement(element: Element, walker: TreeWalker): void {
    if (isSkipped(element)) {
      this.pending = skipSubtree(walker) ?? 'done';
      return;
    }
    const shadow = element.shadowRoot;
    if (shadow) this.roots.push(shadow);
    if (isBlock(element)) {
      this.flush();
      this.owner = element;
      this.owners.set(element, element);
    } else {
      const parent = element.parentNode;
      this.owners.set(element, parent ? (this.owners.get(parent) ?? blockOwner(element)) : null);
    }
  }

  private visitText(text: Text): void {
    const parent = text.parentNode;
    const owner = parent ? (this.owners.get(parent) ?? blockOwner(text)) : null;
    if (owner !== this.owner) {
      this.flush();
      this.owner = owner;
    }
    this.current.pieces.push({ node: text, start: this.current.text.length });
    this.current.text += text.data;
  }

  private flush(): void {
    const block = this.current;
    if (block.pieces.length > 0 && /\S/.test(block.text)) this.blocks.push(block);
    this.current = { text: '', pieces: [] };
  }
}

/** Reads all blocks under `root` at once (tests and small roots). */
export function collectBlocks(root: Node): TextBlock[] {
  const reader = new BlockReader(root);
  reader.read();
  return reader.blocks;
}
