import { readsShadowOf } from './element-kinds';
import type { PaintedMention } from './mention-store';

/**
 * The node a walk up the page goes to next: the parent, or from a shadow root its host when
 * reading the host reads that shadow root too, so that text in a component counts as inside
 * the block around the component. A shadow root the reader would not enter from its host
 * stands alone: read again from the host, its mentions would be lost.
 */
export function composedParent(node: Node): Node | null {
  if (node.parentNode) return node.parentNode;
  const host = node.nodeType === 11 ? (node as ShadowRoot).host : undefined;
  return host && readsShadowOf(host) ? host : null;
}

/**
 * Whether `node` is one of `roots` or inside one, shadow roots included: a walk up from the
 * node, so a rescan's cost grows with mentions times depth, not mentions times roots (a
 * burst of changes can dirty hundreds of roots on a page of thousands of mentions).
 */
export function insideAny(node: Node, roots: ReadonlySet<Node>): boolean {
  for (let up: Node | null = node; up; up = composedParent(up)) if (roots.has(up)) return true;
  return false;
}

/** Whether a painted range still lies on text that is in the page and long enough for it. */
export function stillFits(range: AbstractRange): boolean {
  const { startContainer: start, endContainer: end } = range;
  return (
    start.isConnected &&
    end.isConnected &&
    range.startOffset <= (start as CharacterData).length &&
    range.endOffset <= (end as CharacterData).length
  );
}

/**
 * Where a node sits in the page as it is shown: the shadow hosts around it, outermost
 * first, then the node. Two nodes compare at the first place their chains differ, which is
 * always two nodes of one tree.
 */
function composedChain(node: Node): Node[] {
  const chain = [node];
  for (let root = node.getRootNode(); root.nodeType === 11; ) {
    const host = (root as ShadowRoot).host as Node | undefined;
    if (!host) break;
    chain.unshift(host);
    root = host.getRootNode();
  }
  return chain;
}

/**
 * Page order of two chains. A host comes before what is inside it (its shadow root's text
 * is read where the host stands). Nodes in no common document stay as they are; mentions
 * are only sorted while their text is in the page, so that does not arise.
 */
function compareChains(a: Node[], b: Node[]): number {
  const depth = Math.min(a.length, b.length);
  for (let i = 0; i < depth; i++) {
    const [x, y] = [a[i] as Node, b[i] as Node];
    if (x === y) continue;
    const position = x.compareDocumentPosition(y);
    if (position & Node.DOCUMENT_POSITION_DISCONNECTED) return 0;
    if (position & Node.DOCUMENT_POSITION_CONTAINED_BY) return -1;
    if (position & Node.DOCUMENT_POSITION_CONTAINS) return 1;
    return position & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  }
  return a.length - b.length;
}

/** Page order of two mentions, with each node's chain of hosts looked up once (see `sortByDocument`). */
function byDocument(chains: Map<PaintedMention, Node[]>): (a: PaintedMention, b: PaintedMention) => number {
  const chainOf = (m: PaintedMention): Node[] => {
    let chain = chains.get(m);
    if (!chain) {
      chain = composedChain(m.range.startContainer);
      chains.set(m, chain);
    }
    return chain;
  };
  return (a, b) =>
    a.range.startContainer === b.range.startContainer
      ? a.range.startOffset - b.range.startOffset
      : compareChains(chainOf(a), chainOf(b));
}

/**
 * Sorts mentions into page order, in place, shadow roots included: a mention in a
 * component's shadow root goes where the component is. (Ranges in two trees have no order
 * of their own, and a comparison that called them equal was not transitive: a mention a
 * rescan added before another could stay after it.)
 */
export function sortByDocument(mentions: PaintedMention[]): PaintedMention[] {
  return mentions.sort(byDocument(new Map()));
}

/**
 * `sorted` (in page order already) with `added` put in their places: a new array (`added` is
 * sorted in place). Every mention's text must be in the page: two nodes in no common tree
 * have no order, and the binary search would misplace what comes after them. A rescan
 * adds a few mentions to a page that may have tens of thousands, so this compares each added
 * one with a binary search's worth of the others, not all of them with each other. That
 * matters beyond the count: in Chromium, placing two siblings costs more the more siblings
 * they have, and sorting 20,000 mentions in 20,000 sibling paragraphs, already in order, took
 * 735 ms (docs/annotation-bench.md, "A page that keeps growing").
 */
export function mergeByDocument(
  sorted: readonly PaintedMention[],
  added: PaintedMention[],
): PaintedMention[] {
  if (added.length === 0) return [...sorted];
  const compare = byDocument(new Map());
  added.sort(compare);
  const merged: PaintedMention[] = [];
  let from = 0;
  for (const mention of added) {
    // The first of `sorted` after `mention`, searched from where the one before went.
    let lo = from;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(sorted[mid] as PaintedMention, mention) <= 0) lo = mid + 1;
      else hi = mid;
    }
    for (; from < lo; from++) merged.push(sorted[from] as PaintedMention);
    merged.push(mention);
  }
  for (; from < sorted.length; from++) merged.push(sorted[from] as PaintedMention);
  return merged;
}
