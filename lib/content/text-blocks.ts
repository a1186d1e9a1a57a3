import { BLOCK, CUSTOM, HOST, KINDS, kindOf, readsShadowOf, SKIP } from './element-kinds';
import { BLOCK_TAGS, insideSkipped, isEditable } from './skip';

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

/**
 * The editable elements under `root`, or undefined if the selector engine gave up (happy-dom
 * overflows its stack on very deep trees; Chromium's engine does not). The reader then asks
 * each element instead. Exported for the benchmark's other readers (tests/bench/reader/).
 */
export function editableUnder(root: Node): Set<Element> | undefined {
  if (!('querySelectorAll' in root)) return new Set();
  try {
    return new Set([...(root as ParentNode).querySelectorAll('[contenteditable]')].filter(isEditable));
  } catch {
    return undefined;
  }
}

/**
 * Reads the text under a root block by block, so that a mention may span inline elements
 * (`NATO–Russia <em>Founding Act</em>`) but never a block edge. Skipped elements (see
 * skip.ts) are not entered; open shadow roots are read as blocks of their own. Reading can
 * stop at a deadline and resume, so a huge page never blocks the main thread for long, and
 * a page that removes what the reader stood on meanwhile does not end the reading there; it
 * is iterative, so deep pages cannot overflow the stack.
 *
 * Speed matters here (this is most of Backstory's main-thread time, and every DOM call from
 * a content script's isolated world costs more than from the page). The walker goes down
 * with `firstChild` and across with `nextSibling`, and climbs with `parentNode` only when a
 * subtree is done, so the reader always knows which elements it is inside without asking
 * each node for its parent: a stack holds their kinds, and leaving a block element ends the
 * block. Per element that is one name lookup in a map; `shadowRoot` is asked only of custom
 * elements and of elements that can host a root and have no child (a standard element with
 * children of its own and a shadow root beside them is not looked into); editable elements
 * are listed once per root instead of asked one by one.
 */
export class BlockReader {
  readonly blocks: TextBlock[] = [];
  private readonly roots: Node[];
  private walker: TreeWalker | undefined;
  /** The node to visit next in the current root; null when that root is done. */
  private node: Node | null = null;
  /** Kinds of the elements the walker is inside, from just below the root down. */
  private open: number[] = [];
  private current: TextBlock = { text: '', pieces: [] };
  /** The root's editable elements; undefined when they could not be listed, and each is asked. */
  private editable: Set<Element> | undefined = new Set();
  /** Every open shadow root found so far, read or queued: the annotator watches them for changes. */
  readonly shadowRoots: ShadowRoot[] = [];
  /**
   * Elements read with no open shadow root that may get one (late-shadows.ts): custom
   * elements, whose script may come later, and standard hosts that had no child.
   */
  readonly shadowless: Element[] = [];
  /** Where the last slice stopped (see markPosition), until the next slice starts. */
  private resumeAt: Range | undefined;

  constructor(root: Node) {
    this.roots = [root];
  }

  /** Reads until everything is read (true) or `deadline` (a performance.now() time) passes (false). */
  read(deadline = Number.POSITIVE_INFINITY, now: () => number = () => performance.now()): boolean {
    let untilClock = NODES_PER_CLOCK_CHECK;
    this.recoverPosition();
    for (;;) {
      const walker = this.walker ?? this.nextWalker();
      if (!walker) return true;
      const open = this.open;
      const editable = this.editable;
      // 0: the root has no editable element; 1: look it up in the list; 2: ask each element.
      const checkEditable = editable === undefined ? 2 : editable.size > 0 ? 1 : 0;
      let node = this.node;
      let text = this.current.text;
      let pieces = this.current.pieces;
      const blocks = this.blocks;
      // The block being read lives in local variables while the loop runs (quicker than the
      // object's fields), and goes back into `current` when the loop stops.
      const flush = () => {
        if (pieces.length === 0) return;
        if (/\S/.test(text)) blocks.push({ text, pieces });
        text = '';
        pieces = [];
      };
      // One loop with the steps written out: the first read of a page runs before V8 has
      // compiled this code, and a call per node costs more than the work it would hold.
      while (node) {
        let next: Node | null = null;
        if (node.nodeType === 3) {
          pieces.push({ node: node as Text, start: text.length });
          text += (node as Text).data;
        } else {
          const element = node as Element;
          const name = element.localName;
          let kind = KINDS.get(name);
          if (kind === undefined) kind = kindOf(name);
          const skipped =
            (kind & SKIP) !== 0 ||
            (checkEditable !== 0 &&
              (checkEditable === 1 ? (editable as Set<Element>).has(element) : isEditable(element)));
          if (!skipped) {
            if ((kind & CUSTOM) !== 0 && !this.queueShadow(element)) this.shadowless.push(element);
            if ((kind & BLOCK) !== 0) flush();
            next = walker.firstChild();
            if (next) open.push(kind);
            else {
              // A component may render everything in its shadow root and have no child.
              if ((kind & (HOST | CUSTOM)) === HOST && !this.queueShadow(element))
                this.shadowless.push(element);
              if ((kind & BLOCK) !== 0) flush();
            }
          }
        }
        if (!next) {
          // The subtree is done: on to the next sibling, closing each element climbed out of
          // (the same steps as onwards()).
          next = walker.nextSibling();
          while (!next && open.length > 0) {
            walker.parentNode();
            if (((open.pop() as number) & BLOCK) !== 0) flush();
            next = walker.nextSibling();
          }
        }
        node = next;
        if (--untilClock === 0) {
          untilClock = NODES_PER_CLOCK_CHECK;
          if (node && now() > deadline) {
            this.node = node;
            this.current = { text, pieces };
            this.markPosition(node);
            return false;
          }
        }
      }
      this.current = { text, pieces };
      this.flush();
      this.walker = undefined;
      this.node = null;
    }
  }

  /**
   * The node after the walker's current one once its subtree is done: its next sibling, or
   * the next sibling of the nearest element around it that has one. Each element climbed out
   * of is closed, which ends the block if it is a block element. Null at the root's end.
   */
  private onwards(walker: TreeWalker): Node | null {
    const open = this.open;
    let next = walker.nextSibling();
    while (!next && open.length > 0) {
      walker.parentNode();
      if (((open.pop() as number) & BLOCK) !== 0) this.flush();
      next = walker.nextSibling();
    }
    return next;
  }

  /**
   * Notes in a live Range where reading stopped. The page may change before the next slice;
   * if it removes the node the reader was to visit next, the DOM moves the Range to where
   * that node was, and reading goes on from there instead of ending in the removed subtree.
   */
  private markPosition(node: Node): void {
    const range = (node.ownerDocument ?? (node as Document)).createRange();
    range.setStartBefore(node);
    this.resumeAt = range;
  }

  /**
   * After a pause: finds where to go on, and which elements the reader is then inside. If the
   * node to read next is still where it was, nothing changes. If the page removed or moved
   * it (or put a node before it), reading goes on from the place it had, not from wherever
   * it went: a node moved back would be read twice, one moved into a skipped element would be
   * read at all, and a move's new place is a change the annotator rescans anyway.
   */
  private recoverPosition(): void {
    const { walker, resumeAt, node } = this;
    // Let the live Range go: the DOM updates every live Range on each change to the page.
    this.resumeAt = undefined;
    if (!walker || !resumeAt || !node) return;
    const root = walker.root;
    const container = resumeAt.startContainer;
    if (!root.isConnected || !root.contains(container)) {
      // The page took the root out: nothing in it is left to mark. What was read is kept.
      this.node = null;
      return;
    }
    const child = container.childNodes[resumeAt.startOffset];
    if (child === node) return;
    // The elements the reader was in below `container` are gone: leaving a block ends the block.
    const kept = container === root ? 0 : this.kindsAround(root, container).length + 1;
    if (this.open.slice(kept).some((kind) => (kind & BLOCK) !== 0)) this.flush();
    if (child) {
      walker.currentNode = child;
      this.open = this.kindsAround(root, child);
      this.node = child.nodeType === 1 || child.nodeType === 3 ? child : this.onwards(walker);
    } else if (container === root) {
      this.node = null;
    } else {
      // Nothing was left after the removed node: its parent is done, and is closed here.
      walker.currentNode = container;
      this.open = this.kindsAround(root, container);
      if (container.nodeType === 1 && (kindOf((container as Element).localName) & BLOCK) !== 0) this.flush();
      this.node = this.onwards(walker);
    }
  }

  /** The kinds of the elements between `root` and `node`, outermost first. */
  private kindsAround(root: Node, node: Node): number[] {
    const around: number[] = [];
    for (let at = node.parentNode; at && at !== root; at = at.parentNode)
      around.push(at.nodeType === 1 ? kindOf((at as Element).localName) : 0);
    return around.reverse();
  }

  private nextWalker(): TreeWalker | undefined {
    let root = this.roots.shift();
    while (root && insideSkipped(root)) root = this.roots.shift();
    if (!root) return undefined;
    const doc = root.ownerDocument ?? (root as Document);
    this.editable = editableUnder(root);
    // The root is the outermost block of what is read here, whatever its own tag.
    this.open = [];
    this.walker = doc.createTreeWalker(root, SHOW_ELEMENT_AND_TEXT);
    this.node = this.walker.firstChild();
    // A root is an element when a rescan reads a block the page added or changed: an empty
    // one is asked for its shadow root, as the loop asks the elements below a root.
    if (root.nodeType === 1 && readsShadowOf(root as Element) && !this.queueShadow(root as Element))
      this.shadowless.push(root as Element);
    return this.walker;
  }

  /** Queues the element's open shadow root to be read; false when it has none. */
  private queueShadow(element: Element): boolean {
    const shadow = element.shadowRoot;
    if (!shadow) return false;
    this.roots.push(shadow);
    this.shadowRoots.push(shadow);
    return true;
  }

  private flush(): void {
    const block = this.current;
    if (block.pieces.length === 0) return;
    if (/\S/.test(block.text)) this.blocks.push(block);
    this.current = { text: '', pieces: [] };
  }
}

/**
 * Reads all blocks under `root` in one go, with no deadline. Only the unit tests call it (the
 * annotator reads in slices with BlockReader); it is their one-line way to read a fixture.
 */
export function collectBlocks(root: Node): TextBlock[] {
  const reader = new BlockReader(root);
  reader.read();
  return reader.blocks;
}
