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

/**
 * Reads the text under `root` block by block, so that a mention may span inline elements
 * (`NATO–Russia <em>Founding Act</em>`) but never a block edge. Skipped elements
 * (see skip.ts) are not entered. Iterative, so deep pages cannot overflow the stack.
 */
export function collectBlocks(root: Node): TextBlock[] {
  const doc = root.ownerDocument ?? (root as Document);
  const blocks: TextBlock[] = [];
  let current: TextBlock = { text: '', pieces: [] };
  let owner: Node | null = null;
  const flush = () => {
    if (current.pieces.length > 0 && current.text.trim() !== '') blocks.push(current);
    current = { text: '', pieces: [] };
  };
  const walker = doc.createTreeWalker(root, 0x1 | 0x4, {
    acceptNode: (node) => (node.nodeType === 1 && isSkipped(node as Element) ? 2 : 1),
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === 1) {
      if (BLOCK_TAGS.has((node as Element).tagName.toUpperCase())) {
        flush();
        owner = node;
      }
      continue;
    }
    const block = blockOwner(node);
    if (block !== owner) {
      flush();
      owner = block;
    }
    const text = (node as Text).data;
    current.pieces.push({ node: node as Text, start: current.text.length });
    current.text += text;
  }
  flush();
  return blocks;
}

function blockOwner(node: Node): Node | null {
  for (let parent = node.parentNode; parent; parent = parent.parentNode) {
    if (parent.nodeType === 1 && BLOCK_TAGS.has((parent as Element).tagName.toUpperCase())) return parent;
  }
  return null;
}
