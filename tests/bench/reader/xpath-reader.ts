/**
 * A sketch of the reader docs/annotation-bench.md proposes, kept beside the benchmark and not
 * used by the product: XPath finds the text nodes that hold more than white space, each one's
 * block comes from its parent (cached per element), and the DOM is walked only between two
 * neighbours in the same block. It does not read shadow roots and does not stop at a deadline;
 * it exists to measure the idea and to check its blocks against BlockReader's.
 */
import { BLOCK_TAGS, isSkipped } from '../../../lib/content/skip';
import { skipSubtree } from '../../../lib/content/text-blocks';

export interface SketchBlock {
  text: string;
  nodes: Text[];
}

interface Place {
  /** The nearest block element (or the root) around the element. */
  owner: Node;
  skipped: boolean;
}

const ORDERED_SNAPSHOT = 7;
const SHOW_ELEMENT_AND_TEXT = 0x5;

export function readByXPath(root: Element): SketchBlock[] {
  const places = new Map<Node, Place>([[root, { owner: root, skipped: false }]]);
  const placeOf = (element: Node): Place => {
    const chain: Node[] = [];
    let node: Node | null = element;
    let known = places.get(element);
    while (node && !known) {
      chain.push(node);
      node = node.parentNode;
      known = node ? places.get(node) : undefined;
    }
    let place = known ?? { owner: root, skipped: true };
    for (let i = chain.length - 1; i >= 0; i--) {
      const el = chain[i] as Element;
      if (place.skipped || isSkipped(el)) place = { owner: place.owner, skipped: true };
      else if (BLOCK_TAGS.has(el.localName)) place = { owner: el, skipped: false };
      places.set(el, place);
    }
    return place;
  };
  const walker = (root.ownerDocument as Document).createTreeWalker(root, SHOW_ELEMENT_AND_TEXT);
  /** Adds the white space between `from` and `to` to `block`; false when a block edge lies between. */
  const join = (from: Text, to: Text, block: SketchBlock): boolean => {
    walker.currentNode = from;
    const between: Text[] = [];
    for (let node = walker.nextNode(); node && node !== to; ) {
      if (node.nodeType === 3) between.push(node as Text);
      else {
        const el = node as Element;
        if (BLOCK_TAGS.has(el.localName)) return false;
        if (isSkipped(el)) {
          node = skipSubtree(walker);
          continue;
        }
      }
      node = walker.nextNode();
    }
    for (const text of between) {
      block.text += text.data;
      block.nodes.push(text);
    }
    return true;
  };
  const found = (root.ownerDocument as Document).evaluate(
    './/text()[normalize-space()]',
    root,
    null,
    ORDERED_SNAPSHOT,
    null,
  );
  const blocks: SketchBlock[] = [];
  let block: SketchBlock | undefined;
  let last: Text | undefined;
  let lastOwner: Node | undefined;
  for (let i = 0; i < found.snapshotLength; i++) {
    const text = found.snapshotItem(i) as Text;
    const place = placeOf(text.parentNode as Node);
    if (place.skipped) continue;
    if (!block || !last || place.owner !== lastOwner || !join(last, text, block)) {
      block = { text: '', nodes: [] };
      blocks.push(block);
    }
    block.text += text.data;
    block.nodes.push(text);
    last = text;
    lastOwner = place.owner;
  }
  // XPath's white space is ASCII only; a block of no-break spaces is dropped as BlockReader does.
  return blocks.filter((b) => /\S/.test(b.text));
}
