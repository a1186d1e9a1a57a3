/**
 * A page reader built on XPath, measured in session 4 against Backstory's walking reader and
 * not kept (docs/annotation-bench.md, "Where the first read's time goes"). It reads the
 * same blocks as the product on all 70 corpus pages (`npm run bench:reader -- --pages 70
 * --check`), with shadow roots, editable regions and deadlines, and it was no faster: the
 * time the earlier sketch saved by skipping white-space nodes went back into finding shadow
 * hosts and editable regions.
 * Kept beside the benchmark so that the figure can be checked again. Not used by the product.
 */
import {
  BLOCK_TAGS,
  insideSkipped,
  isEditable,
  SHADOW_HOST_TAGS,
  SKIPPED_TAGS,
} from '../../../lib/content/skip';
import type { TextBlock } from '../../../lib/content/text-blocks';
import { skipSubtree } from './parent-stack-reader';

const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;
const ORDERED_NODE_SNAPSHOT = 7;
/** The most nodes walked between two neighbours in a block before giving up and splitting it. */
const MAX_JOIN_STEPS = 10_000;
/** How many found nodes are read between two looks at the clock. */
const NODES_PER_CLOCK_CHECK = 128;

/**
 * What the reader asks XPath for, in document order: the text nodes that hold more than
 * white space, and custom elements (their names have a hyphen), which may carry a shadow
 * root. XPath's white space is the four ASCII characters, so a node of no-break spaces is
 * found too; the reader drops a block with no `\S` in it. `local-name(.)`: it also matches
 * XHTML's namespaced elements.
 */
export const TEXT_STEP = 'text()[normalize-space()]';
export const ELEMENT_STEP = "*[contains(local-name(.),'-') or @contenteditable]";
/** The XPath text test, for the text nodes found without XPath (children of a shadow root). */
const XPATH_TEXT = /[^ \t\r\n]/;

/**
 * Elements the reader looks up with one selector query per root: editable ones, and the
 * standard elements `attachShadow` accepts when they have no child element or text (a
 * component that renders everything in its shadow root). A standard element with light
 * children and a shadow root beside them is not looked into.
 */
export const CHILDLESS_HOSTS = SHADOW_HOST_TAGS.map((name) => `${name}:empty`).join(',');

/** Where an element sits: the block whose text its text joins, or nowhere (skipped). */
interface Place {
  /** The nearest block element around it, or the root being read. */
  owner: Node;
  skipped: boolean;
}

const BLOCK = 1;
const SKIP = 2;
const kinds = new Map<string, number>();
for (const name of BLOCK_TAGS) kinds.set(name, BLOCK);
for (const name of SKIPPED_TAGS) kinds.set(name, SKIP);

/** Nodes found by a query, in document order. */
interface Found {
  length: number;
  item(index: number): Node;
}

function snapshot(context: Node, query: string): XPathResult {
  const doc = context.ownerDocument ?? (context as Document);
  return doc.evaluate(query, context, null, ORDERED_NODE_SNAPSHOT, null);
}

/**
 * The text nodes and custom elements under `root` (not the root itself). Chromium refuses a
 * shadow root (a document fragment) as XPath's context node, so under one the query starts
 * from each child in turn.
 */
function findUnder(root: Node): Found {
  if (root.nodeType !== 11) {
    const result = snapshot(root, `.//${TEXT_STEP} | .//${ELEMENT_STEP}`);
    return { length: result.snapshotLength, item: (i) => result.snapshotItem(i) as Node };
  }
  const nodes: Node[] = [];
  for (let child = root.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3 && XPATH_TEXT.test((child as Text).data)) nodes.push(child);
    if (child.nodeType !== 1) continue;
    const result = snapshot(child, `.//${TEXT_STEP} | descendant-or-self::${ELEMENT_STEP}`);
    for (let i = 0; i < result.snapshotLength; i++) nodes.push(result.snapshotItem(i) as Node);
  }
  return { length: nodes.length, item: (i) => nodes[i] as Node };
}

/**
 * Reads blocks as BlockReader does, with the same resumable `read(deadline)`, except that the
 * queries that start each root run whole, with no look at the clock. One XPath
 * query hands back, in document order, the text nodes that hold text, the custom elements
 * (possible shadow hosts) and the editable elements. Each text node's block comes from its
 * parent's chain of elements, cached per element. Between two neighbours in the same block
 * the DOM is walked, to take in the white space between them (it separates words) and to
 * notice a block edge there (a `<br>`, an empty block). Childless standard elements that
 * may host a shadow root come from one selector query per root. Blocks may differ from
 * BlockReader's in white space at their ends, which holds no mention.
 */
export class XPathReader {
  readonly blocks: TextBlock[] = [];
  private readonly roots: Node[];
  /** The root being read, its text nodes, and how many of them have been read. */
  private texts: Found | undefined;
  private index = 0;
  private places = new Map<Node, Place>();
  private editable = new Set<Element>();
  /** Possible shadow hosts under the root: childless standard elements, and custom elements. */
  private hosts: Element[] = [];
  private customHosts: Element[] = [];
  private current: TextBlock | undefined;
  private last: Text | undefined;
  private lastOwner: Node | undefined;
  /** Walks between two neighbours in a block. */
  private between: TreeWalker | undefined;
  /** The white-space text nodes met by the last walk between neighbours (reused). */
  private readonly spaces: Text[] = [];

  constructor(root: Node) {
    this.roots = [root];
  }

  /** Reads until everything is read (true) or `deadline` (a performance.now() time) passes (false). */
  read(deadline = Number.POSITIVE_INFINITY, now: () => number = () => performance.now()): boolean {
    for (;;) {
      const texts = this.texts ?? this.start();
      if (!texts) return true;
      const count = texts.length;
      while (this.index < count) {
        const node = texts.item(this.index++);
        if (node.nodeType === 3) this.visit(node as Text);
        else this.visitElement(node as Element);
        if (this.index % NODES_PER_CLOCK_CHECK === 0 && this.index < count && now() > deadline) return false;
      }
      this.flush();
      this.queueShadowRoots();
      this.texts = undefined;
      if (this.roots.length > 0 && now() > deadline) return false;
    }
  }

  /** Starts on the next root: finds its text nodes and possible shadow hosts. */
  private start(): Found | undefined {
    for (let root = this.roots.shift(); root; root = this.roots.shift()) {
      if (insideSkipped(root)) continue;
      this.places = new Map([[root, { owner: root, skipped: false }]]);
      this.editable = new Set();
      this.current = undefined;
      this.last = undefined;
      this.lastOwner = undefined;
      this.between = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, SHOW_ELEMENT_AND_TEXT);
      this.index = 0;
      this.hosts =
        'querySelectorAll' in root ? [...(root as ParentNode).querySelectorAll(CHILDLESS_HOSTS)] : [];
      this.customHosts = [];
      this.texts = findUnder(root);
      return this.texts;
    }
    return undefined;
  }

  /** An element the query found: an editable region (its text is skipped) or a custom element. */
  private visitElement(element: Element): void {
    if (isEditable(element)) this.editable.add(element);
    if (element.localName.includes('-')) this.customHosts.push(element);
  }

  /**
   * Queues the open shadow roots of the possible hosts found under the root just read, in
   * document order, to be read next; hosts inside skipped elements are left out.
   */
  private queueShadowRoots(): void {
    const hosts = this.customHosts.length === 0 ? this.hosts : [...this.hosts, ...this.customHosts];
    if (this.hosts.length > 0 && this.customHosts.length > 0)
      hosts.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    for (const host of hosts) {
      const shadow = host.shadowRoot;
      if (shadow && !this.placeOf(host).skipped) this.roots.push(shadow);
    }
  }

  /** The place of a node's parent chain; nodes no longer under the root count as skipped. */
  private placeOf(element: Node): Place {
    const { places } = this;
    const chain: Element[] = [];
    let node: Node | null = element;
    let known = places.get(element);
    while (node && !known) {
      chain.push(node as Element);
      node = node.parentNode;
      known = node ? places.get(node) : undefined;
    }
    let place = known ?? { owner: element, skipped: true };
    for (let i = chain.length - 1; i >= 0; i--) {
      const el = chain[i] as Element;
      const kind = kinds.get(el.localName) ?? 0;
      if (!place.skipped && ((kind & SKIP) !== 0 || (this.editable.size > 0 && this.editable.has(el))))
        place = { owner: place.owner, skipped: true };
      else if (!place.skipped && (kind & BLOCK) !== 0) place = { owner: el, skipped: false };
      places.set(el, place);
    }
    return place;
  }

  private visit(text: Text): void {
    const parent = text.parentNode;
    if (!parent) return;
    const place = this.placeOf(parent);
    if (place.skipped) return;
    const { current, last } = this;
    if (!current || !last || place.owner !== this.lastOwner || !this.join(last, text, current)) {
      this.flush();
      this.current = { text: '', pieces: [] };
    }
    const block = this.current as TextBlock;
    block.pieces.push({ node: text, start: block.text.length });
    block.text += text.data;
    this.last = text;
    this.lastOwner = place.owner;
  }

  /**
   * Adds the white-space text between `from` and `to` (two text nodes of one block) to the
   * block; false, with nothing added, when a block edge lies between them.
   */
  private join(from: Text, to: Text, block: TextBlock): boolean {
    const walker = this.between as TreeWalker;
    walker.currentNode = from;
    const spaces = this.spaces;
    spaces.length = 0;
    let node = walker.nextNode();
    // Only a page changed between two slices can put `to` elsewhere; the cap bounds that walk.
    for (let steps = 0; node !== to; steps++) {
      if (!node || steps > MAX_JOIN_STEPS) return false;
      if (node.nodeType === 3) {
        spaces.push(node as Text);
        node = walker.nextNode();
        continue;
      }
      const kind = kinds.get((node as Element).localName) ?? 0;
      if ((kind & BLOCK) !== 0) return false;
      if ((kind & SKIP) !== 0 || (this.editable.size > 0 && this.editable.has(node as Element)))
        node = skipSubtree(walker);
      else node = walker.nextNode();
    }
    for (const space of spaces) {
      block.pieces.push({ node: space, start: block.text.length });
      block.text += space.data;
    }
    return true;
  }

  private flush(): void {
    const block = this.current;
    if (block && /\S/.test(block.text)) this.blocks.push(block);
    this.current = undefined;
  }
}
