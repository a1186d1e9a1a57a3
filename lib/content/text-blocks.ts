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
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;
/** How many nodes are read between two looks at the clock. */
const NODES_PER_CLOCK_CHECK = 256;

/** True for an element that starts a block of text. */
export function isBlock(node: Node): boolean {
  return node.nodeType === 1 && BLOCK_TAGS.has((node as Element).nodeName.toUpperCase());
}

/**
 * Reads the text under a root block by block, so that a mention may span inline elements
 * (`NATO–Russia <em>Founding Act</em>`) but never a block edge. Skipped elements (see
 * skip.ts) are not entered; open shadow roots are read as blocks of their own. Reading can
 * stop at a deadline and resume, so a huge page never blocks the main thread for long;
 * it is iterative, so deep pages cannot overflow the stack.
 */
export class BlockReader {
  readonly blocks: TextBlock[] = [];
  private readonly roots: Node[];
  private walker: TreeWalker | undefined;
  private current: TextBlock = { text: '', pieces: [] };
  private owner: Node | null = null;

  constructor(root: Node) {
    this.roots = [root];
  }

  /** Reads until everything is read (true) or `deadline` (a performance.now() time) passes (false). */
  read(deadline = Number.POSITIVE_INFINITY, now: () => number = () => performance.now()): boolean {
    let count = 0;
    for (;;) {
      const walker = this.walker ?? this.nextWalker();
      if (!walker) return true;
      const node = walker.nextNode();
      if (!node) {
        this.flush();
        this.walker = undefined;
        continue;
      }
      this.visit(node);
      if (++count % NODES_PER_CLOCK_CHECK === 0 && now() > deadline) return false;
    }
  }

  private nextWalker(): TreeWalker | undefined {
    const root = this.roots.shift();
    if (!root) return undefined;
    const doc = root.ownerDocument ?? (root as Document);
    this.owner = null;
    this.walker = doc.createTreeWalker(root, SHOW_ELEMENT_AND_TEXT, {
      acceptNode: (node) =>
        node.nodeType === 1 && isSkipped(node as Element) ? FILTER_REJECT : FILTER_ACCEPT,
    });
    return this.walker;
  }

  private visit(node: Node): void {
    if (node.nodeType === 1) {
      const shadow = (node as Element).shadowRoot;
      if (shadow) this.roots.push(shadow);
      if (isBlock(node)) {
        this.flush();
        this.owner = node;
      }
      return;
    }
    const owner = blockOwner(node);
    if (owner !== this.owner) {
      this.flush();
      this.owner = owner;
    }
    const text = node as Text;
    this.current.pieces.push({ node: text, start: this.current.text.length });
    this.current.text += text.data;
  }

  private flush(): void {
    const block = this.current;
    if (block.pieces.length > 0 && /\S/.test(block.text)) this.blocks.push(block);
    this.current = { text: '', pieces: [] };
  }
}

/** The nearest block element around a node (or the shadow root / document it is in). */
export function blockOwner(node: Node): Node | null {
  let parent = node.parentNode;
  while (parent && !isBlock(parent) && parent.nodeType === 1) parent = parent.parentNode;
  return parent;
}

/** Reads all blocks under `root` at once (tests and small roots). */
export function collectBlocks(root: Node): TextBlock[] {
  const reader = new BlockReader(root);
  reader.read();
  return reader.blocks;
}
