/**
 * Backstory's page reader until session 8, kept beside the benchmark so that the comparison in
 * docs/annotation-bench.md can be run again, and as a second opinion: `npm run bench:reader
 * -- --check` lists the corpus pages where it and the product's reader read different blocks,
 * and tests/unit/content/text-blocks-parity.test.ts compares them on generated pages.
 * It found block edges by comparing each node's parent with a stack of the open elements
 * (one `parentNode` per node, on a `nextNode()` walk); the product's reader now walks with
 * `firstChild` / `nextSibling` and climbs only when a subtree is done. Not used by the product.
 */

import { BLOCK, CUSTOM, HOST, kindOf, SKIP } from '../../../lib/content/element-kinds';
import { insideSkipped, isEditable } from '../../../lib/content/skip';
import { editableUnder, type TextBlock } from '../../../lib/content/text-blocks';

const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;
/** How many nodes are read between two looks at the clock. */
const NODES_PER_CLOCK_CHECK = 256;

/** Moves the walker past the current node's subtree; returns the next node, or null at the end. */
export function skipSubtree(walker: TreeWalker): Node | null {
  for (;;) {
    const next = walker.nextSibling();
    if (next) return next;
    if (!walker.parentNode()) return null;
  }
}

/** On an open element: it may host a shadow root and no child of it has been seen yet. */
const CHILDLESS_HOST = 16;

/**
 * Reads the text under a root block by block, so that a mention may span inline elements
 * (`NATO–Russia <em>Founding Act</em>`) but never a block edge. Skipped elements (see
 * skip.ts) are not entered; open shadow roots are read as blocks of their own. Reading can
 * stop at a deadline and resume, so a huge page never blocks the main thread for long, and
 * a page that removes what the reader stood on meanwhile does not end the reading there; it
 * is iterative, so deep pages cannot overflow the stack.
 *
 * Speed matters here (this is most of Backstory's main-thread time, and every DOM call from
 * a content script's isolated world costs more than from the page). The walker has no
 * filter callback. Block edges come from a stack of the open elements: a node's parent is
 * compared with the top, and the elements popped until they match are the ones just left.
 * Per element that is one name lookup in a map; `shadowRoot` is asked only of custom
 * elements and of elements that can host a root and turn out to have no child (a standard
 * element with children of its own and a shadow root beside them is not looked into);
 * editable elements are listed once per root instead of asked one by one.
 */
export class ParentStackReader {
  readonly blocks: TextBlock[] = [];
  private readonly roots: Node[];
  private walker: TreeWalker | undefined;
  /** The node to visit next; `undefined` to ask the walker, null when the root is done. */
  private next: Node | null | undefined;
  private current: TextBlock = { text: '', pieces: [] };
  /** The open elements from the root down, and their kinds (BLOCK, CHILDLESS_HOST). */
  private open: Node[] = [];
  private openKinds: number[] = [];
  /** The root's editable elements; undefined when they could not be listed, and each is asked. */
  private editable: Set<Element> | undefined = new Set();
  /** Where the last slice stopped (see markPosition), until the next slice starts. */
  private resumeAt: Range | undefined;

  constructor(root: Node) {
    this.roots = [root];
  }

  /** Reads until everything is read (true) or `deadline` (a performance.now() time) passes (false). */
  read(deadline = Number.POSITIVE_INFINITY, now: () => number = () => performance.now()): boolean {
    let count = 0;
    this.recoverPosition();
    for (;;) {
      const walker = this.walker ?? this.nextWalker();
      if (!walker) return true;
      const node = this.next === undefined ? walker.nextNode() : this.next;
      this.next = undefined;
      if (!node) {
        this.leaveUpTo(null);
        this.flush();
        this.walker = undefined;
        continue;
      }
      this.leaveUpTo(node.parentNode);
      if (node.nodeType === 3) this.visitText(node as Text);
      else this.visitElement(node as Element, walker);
      if (++count % NODES_PER_CLOCK_CHECK === 0 && now() > deadline) {
        this.markPosition();
        return false;
      }
    }
  }

  /**
   * Notes in a live Range where reading stopped. The page may change before the next slice;
   * if it removes the node the walker stands on, the DOM moves the Range to where that node
   * was, and reading goes on from there instead of ending in the removed subtree.
   */
  private markPosition(): void {
    const walker = this.walker;
    if (!walker || this.next === null) return;
    const root = walker.root;
    const range = (root.ownerDocument ?? (root as Document)).createRange();
    if (this.next) range.setStartBefore(this.next);
    else if (walker.currentNode.nodeType === 1) range.setStart(walker.currentNode, 0);
    else range.setStartAfter(walker.currentNode);
    this.resumeAt = range;
  }

  /** After a pause: if the node reading stopped at has left the root, resumes where it was. */
  private recoverPosition(): void {
    const { walker, resumeAt } = this;
    // Let the live Range go: the DOM updates every live Range on each change to the page.
    this.resumeAt = undefined;
    if (!walker || !resumeAt) return;
    const root = walker.root;
    const container = resumeAt.startContainer;
    if (!root.isConnected || !root.contains(container)) {
      // The page took the root out: nothing in it is left to mark. What was read is kept.
      this.next = null;
      return;
    }
    if (root.contains(this.next ?? walker.currentNode)) return;
    const child = container.childNodes[resumeAt.startOffset];
    if (child) {
      walker.currentNode = child;
      this.next = child.nodeType === 1 || child.nodeType === 3 ? child : walker.nextNode();
    } else {
      walker.currentNode = container;
      this.next = skipSubtree(walker);
    }
  }

  private nextWalker(): TreeWalker | undefined {
    let root = this.roots.shift();
    while (root && insideSkipped(root)) root = this.roots.shift();
    if (!root) return undefined;
    const doc = root.ownerDocument ?? (root as Document);
    // The root is the outermost block of what is read here, whatever its own tag.
    this.open = [root];
    this.openKinds = [BLOCK];
    this.editable = editableUnder(root);
    this.walker = doc.createTreeWalker(root, SHOW_ELEMENT_AND_TEXT);
    return this.walker;
  }

  /**
   * Closes the open elements down to `parent`, ending the block at each block element left.
   * An element closed without a child seen may host a shadow root (a component that renders
   * everything there): only then is `shadowRoot` asked, which spares the call on most of the
   * page's divs and spans. Custom elements are asked when they open.
   */
  private leaveUpTo(parent: Node | null): void {
    const { open, openKinds } = this;
    let top = open.length - 1;
    while (top > 0 && open[top] !== parent) {
      const element = open.pop() as Element;
      const kind = openKinds.pop() as number;
      if ((kind & CHILDLESS_HOST) !== 0) this.queueShadow(element);
      if ((kind & BLOCK) !== 0) this.flush();
      top--;
    }
    if (top >= 0) openKinds[top] = (openKinds[top] as number) & ~CHILDLESS_HOST;
  }

  private queueShadow(element: Element): void {
    const shadow = element.shadowRoot;
    if (shadow) this.roots.push(shadow);
  }

  private visitElement(element: Element, walker: TreeWalker): void {
    const kind = kindOf(element.localName);
    const { editable } = this;
    const skipped =
      (kind & SKIP) !== 0 || (editable ? editable.size > 0 && editable.has(element) : isEditable(element));
    if (skipped) {
      this.next = skipSubtree(walker);
      return;
    }
    if ((kind & CUSTOM) !== 0) this.queueShadow(element);
    const block = (kind & BLOCK) !== 0;
    if (block) this.flush();
    this.open.push(element);
    this.openKinds.push((kind & BLOCK) | ((kind & (HOST | CUSTOM)) === HOST ? CHILDLESS_HOST : 0));
  }

  private visitText(text: Text): void {
    const block = this.current;
    block.pieces.push({ node: text, start: block.text.length });
    block.text += text.data;
  }

  private flush(): void {
    const block = this.current;
    if (block.pieces.length === 0) return;
    if (/\S/.test(block.text)) this.blocks.push(block);
    this.current = { text: '', pieces: [] };
  }
}
