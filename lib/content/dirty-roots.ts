import { composedParent } from './range-order';
import { insideSkipped, isSkipped } from './skip';
import { blockOwner, isBlock } from './text-blocks';

/**
 * The parts of the page whose text a batch of mutations may have changed: the block around
 * changed text, or an added block itself. A removed block needs no reading (the text of its
 * mentions left the page, which drops them), so it adds nothing here.
 */
export function dirtyRoots(records: readonly MutationRecord[]): Set<Node> {
  const roots = new Set<Node>();
  const add = (node: Node | null) => {
    if (node && !insideSkipped(node)) roots.add(node);
  };
  for (const record of records) {
    if (record.type === 'characterData') {
      add(blockOwner(record.target));
      continue;
    }
    if (record.type !== 'childList') continue;
    for (const node of record.addedNodes) {
      // Our own card host (and scripts, styles…) added anywhere changes no readable text.
      if (node.nodeType === 1 && isSkipped(node as Element)) continue;
      if (isBlock(node)) add(node);
      else if (node.nodeType === 1 || node.nodeType === 3) add(blockOwner(node));
    }
    for (const node of record.removedNodes) {
      if (node.nodeType === 1 && isSkipped(node as Element)) continue;
      if (node.nodeType === 3 || (node.nodeType === 1 && !isBlock(node))) {
        add(isBlock(record.target) ? record.target : blockOwner(record.target));
      }
    }
  }
  return outermost(roots);
}

/**
 * Drops roots that lie inside another root (a shadow root inside its host's), and roots no
 * longer in the page. The annotator applies it again to the roots of several batches, which
 * may nest: a section added in one batch and a paragraph added to it in the next would
 * otherwise be read twice.
 */
export function outermost(roots: Set<Node>): Set<Node> {
  const kept = new Set<Node>();
  for (const root of roots) {
    if (!root.isConnected) continue;
    let inner = false;
    for (let up = composedParent(root); up && !inner; up = composedParent(up)) inner = roots.has(up);
    if (!inner) kept.add(root);
  }
  return kept;
}
