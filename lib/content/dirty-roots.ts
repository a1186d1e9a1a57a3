import { composedParent } from './range-order';
import { insideSkipped, isSkipped } from './skip';
import { blockOwner, isBlock } from './text-blocks';

/**
 * True for a node whose coming or going changes no readable text: a comment, an empty text
 * node, an empty inline element, or an element whose text is never read (a script, our card).
 */
function changesNoText(node: Node): boolean {
  if (node.nodeType === 3) return (node as Text).data === '';
  if (node.nodeType !== 1) return true;
  const element = node as Element;
  if (isSkipped(element)) return true;
  // An empty component may have, or get, a shadow root with text; an empty block still
  // splits the text around it.
  return (
    !element.hasChildNodes() && !isBlock(element) && !element.shadowRoot && !element.localName.includes('-')
  );
}

/** True for a node that puts text next to a block edge: text, or an inline element, with more than white space. */
function textBeside(node: Node | null): boolean {
  if (!node) return false;
  if (node.nodeType === 3) return /\S/.test((node as Text).data);
  return (
    node.nodeType === 1 && !isBlock(node) && !isSkipped(node as Element) && /\S/.test(node.textContent ?? '')
  );
}

/**
 * The block a node's text is read again with. Text with no block around it but `<body>` (a
 * clock in a `<span>` right under the body) is read from the outermost element around it
 * instead, so that a ticking clock there does not have the whole page read four times a
 * second. The price: a mention across that element's edge into the text beside it, found by
 * the first read, is not found again once the element changes.
 */
function readRootOf(node: Node): Node | null {
  const owner = blockOwner(node);
  if (owner?.nodeType !== 1 || (owner as Element).localName !== 'body') return owner;
  let top = node;
  while (top.parentNode && top.parentNode !== owner) top = top.parentNode;
  return top.nodeType === 1 && top !== node.ownerDocument?.body ? top : owner;
}

/** The block a change under `target` belongs to: `target` itself if it is one. */
function blockOf(target: Node): Node | null {
  return isBlock(target) ? target : readRootOf(target);
}

/**
 * The parts of the page whose text a batch of mutations may have changed: the block around
 * changed text, or an added block itself. A removed block needs no reading (the text of its
 * mentions left the page, which drops them), unless it stood between two runs of text, which
 * now meet in one block. An added block between two runs of text splits the block around it,
 * which is read again too.
 *
 * A node added and taken out again in the same batch changes nothing that was read.
 *
 * A change inside a skipped element (an editor) is not read, with one exception: an element
 * added there, or one that became editable (a `contenteditable` attribute record), is still
 * returned, so that the mentions painted on its text are dropped; reading it finds nothing
 * (BlockReader skips a root inside a skipped element). Each root is checked once per batch,
 * however many records name it: a burst of changes deep in the page walks up from it once.
 */
export function dirtyRoots(records: readonly MutationRecord[]): Set<Node> {
  const read = new Set<Node>();
  const drop = new Set<Node>();
  const add = (node: Node | null) => {
    if (node) read.add(node);
  };
  /** Nodes this batch added: one it also took out again (a span that measures text) was never read. */
  const fresh = new Set<Node>();
  for (const record of records) {
    if (record.type === 'characterData') {
      add(readRootOf(record.target));
      continue;
    }
    if (record.type === 'attributes') {
      // `contenteditable` changed: the block is read again (an editor is skipped), or, when
      // the element is a block that became an editor itself, its mentions are dropped.
      add(blockOf(record.target));
      drop.add(record.target);
      continue;
    }
    if (record.type !== 'childList') continue;
    for (const node of record.addedNodes) {
      fresh.add(node);
      // Our own card host (and scripts, styles, empty elements…) added anywhere changes no readable text.
      if (changesNoText(node)) continue;
      if (node.nodeType === 1) drop.add(node);
      if (isBlock(node)) {
        add(node);
        if (textBeside(node.previousSibling) && textBeside(node.nextSibling)) add(blockOf(record.target));
      } else add(readRootOf(node));
    }
    for (const node of record.removedNodes) {
      if (fresh.delete(node)) continue;
      if (changesNoText(node)) continue;
      if (!isBlock(node) || (textBeside(record.previousSibling) && textBeside(record.nextSibling)))
        add(blockOf(record.target));
    }
  }
  const roots = new Set<Node>();
  for (const node of read) if (!insideSkipped(node)) roots.add(node);
  for (const node of drop) if (!roots.has(node) && insideSkipped(node)) roots.add(node);
  return outermost(roots);
}

/**
 * True when a batch took out a node whose text may have been read, so that mentions may have
 * gone with it and are looked over. A node the same batch added first (a span that measures
 * text), our card's host, a script, a comment or an empty element took nothing read away.
 */
export function takesReadTextOut(records: readonly MutationRecord[]): boolean {
  const fresh = new Set<Node>();
  for (const record of records) {
    if (record.type !== 'childList') continue;
    for (const node of record.addedNodes) fresh.add(node);
    for (const node of record.removedNodes) if (!fresh.has(node) && !changesNoText(node)) return true;
  }
  return false;
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
