/**
 * Passes over a page's text that `npm run bench:reader` times in a fresh isolated world, to
 * show where the page reader's first-read cost goes. Bundled and evaluated in the page; each
 * pass returns a number so no work can be optimised away.
 */

import { BLOCK, kindOf, SKIP } from '../../../lib/content/element-kinds';
import { BLOCK_TAGS, SHADOW_HOST_TAGS, SKIPPED_TAGS } from '../../../lib/content/skip';
import { BlockReader, type TextBlock } from '../../../lib/content/text-blocks';
import { ParentStackReader } from './parent-stack-reader';
import { CHILDLESS_HOSTS, ELEMENT_STEP, TEXT_STEP, XPathReader } from './xpath-reader';

const SHOW_TEXT = 0x4;
const SHOW_ELEMENT_AND_TEXT = 0x5;
const ORDERED_SNAPSHOT = 7;
const BLOCKS = [...BLOCK_TAGS].filter((name) => name !== 'html' && name !== 'body').join(',');

function snapshot(xpath: string): XPathResult {
  return document.evaluate(xpath, document.body, null, ORDERED_SNAPSHOT, null);
}

const ANCHOR_WORDS =
  'london paris berlin moscow washington tokyo madrid rome beijing kyiv delhi cairo lagos sydney toronto chicago boston dallas miami vienna'.split(
    ' ',
  );

/** The text nodes that meet any of `tests`, by one XPath query; the length of their text. */
function anchorQuery(tests: string[]): number {
  const found = snapshot(`.//text()[${tests.join(' or ')}]`);
  let chars = 0;
  for (let i = 0; i < found.snapshotLength; i++) chars += (found.snapshotItem(i) as Text).data.length;
  return chars;
}

/** What inside a block would make its text differ from its textContent (custom elements aside). */
const NEEDS_WALK = `:is(${[...BLOCK_TAGS, ...SKIPPED_TAGS, 'br', '[contenteditable]'].join(',')}, :is(${SHADOW_HOST_TAGS.join(',')}):empty)`;

export const passes: Record<string, () => number> = {
  /** The floor: every text node's data through a SHOW_TEXT walker. */
  floor() {
    const walker = document.createTreeWalker(document.body, SHOW_TEXT);
    let chars = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) chars += (node as Text).data.length;
    return chars;
  },
  /** The page's markup as one string, as a reader in another document would need it (session 11). */
  serializeBody() {
    return document.body.outerHTML.length;
  },
  /** The same, put in a message the way extension messaging serialises it (JSON). */
  serializeJson() {
    return JSON.stringify({ html: document.body.outerHTML }).length;
  },
  /** Every element and text node visited, nothing read but the node type. */
  allNodes() {
    const walker = document.createTreeWalker(document.body, SHOW_ELEMENT_AND_TEXT);
    let sum = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) sum += node.nodeType;
    return sum;
  },
  /** Every node visited, with each element's name and each text node's data read. */
  allNodesNamed() {
    const walker = document.createTreeWalker(document.body, SHOW_ELEMENT_AND_TEXT);
    let sum = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      sum += node.nodeType === 3 ? (node as Text).data.length : (node as Element).localName.length;
    return sum;
  },
  /** Backstory's page reader, as the content script runs it. */
  reader() {
    const reader = new BlockReader(document.body);
    reader.read();
    return reader.blocks.length;
  },
  /**
   * The walk the reader makes since session 8: down with `firstChild`, across with
   * `nextSibling`, up with `parentNode` when a subtree is done; each name or data read.
   */
  structuredWalk() {
    const root = document.body;
    const walker = document.createTreeWalker(root, SHOW_ELEMENT_AND_TEXT);
    let sum = 0;
    let node: Node | null = walker.firstChild();
    while (node) {
      if (node.nodeType === 3) sum += (node as Text).data.length;
      else {
        sum += (node as Element).localName.length;
        const child = walker.firstChild();
        if (child) {
          node = child;
          continue;
        }
      }
      let next = walker.nextSibling();
      while (!next) {
        const up = walker.parentNode();
        if (!up || up === root) return sum;
        next = walker.nextSibling();
      }
      node = next;
    }
    return sum;
  },
  /** Scratch: the same walk with the nodes' own firstChild, nextSibling and parentNode. */
  propertyWalk() {
    const root = document.body;
    let sum = 0;
    let node: Node | null = root.firstChild;
    while (node) {
      const type = node.nodeType;
      if (type === 3) sum += (node as Text).data.length;
      else if (type === 1) {
        sum += (node as Element).localName.length;
        const child = node.firstChild;
        if (child) {
          node = child;
          continue;
        }
      }
      let next = node.nextSibling;
      while (!next) {
        node = node.parentNode as Node;
        if (node === root) return sum;
        next = node.nextSibling;
      }
      node = next;
    }
    return sum;
  },
  /** Scratch: every block element by one selector query (wrappers made), then the floor's walk. */
  blocksThenText() {
    const blocks = document.body.querySelectorAll(BLOCKS);
    let sum = 0;
    for (let i = 0; i < blocks.length; i++) sum += blocks[i] ? 1 : 0;
    const walker = document.createTreeWalker(document.body, SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) sum += (node as Text).data.length;
    return sum;
  },
  /** Scratch: the floor's walk, with each text node's parent. */
  textParents() {
    const walker = document.createTreeWalker(document.body, SHOW_TEXT);
    let sum = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      sum += (node as Text).data.length + (node.parentNode ? 1 : 0);
    return sum;
  },
  /**
   * Scratch: the reader's walk, but a block element with nothing inside that needs walking
   * (one selector query) is read whole with textContent, its subtree not visited. Pieces are
   * kept for the text read node by node only. Custom elements are not looked for.
   */
  leafFast() {
    const root = document.body;
    const walker = document.createTreeWalker(root, SHOW_ELEMENT_AND_TEXT);
    const blocks: string[] = [];
    const pieces: { node: Text; start: number }[] = [];
    let text = '';
    let node: Node | null = walker.firstChild();
    while (node) {
      if (node.nodeType === 3) {
        pieces.push({ node: node as Text, start: text.length });
        text += (node as Text).data;
      } else {
        const element = node as Element;
        const kind = kindOf(element.localName);
        let enter = (kind & SKIP) === 0;
        if (enter && (kind & BLOCK) !== 0) {
          blocks.push(text);
          text = '';
          if (element.querySelector(NEEDS_WALK) === null) {
            blocks.push(element.textContent ?? '');
            enter = false;
          }
        }
        const child = enter ? walker.firstChild() : null;
        if (child) {
          node = child;
          continue;
        }
      }
      let next = walker.nextSibling();
      while (!next) {
        const up = walker.parentNode();
        if (!up || up === root) return blocks.length + pieces.length;
        next = walker.nextSibling();
      }
      node = next;
    }
    return blocks.length + pieces.length;
  },
  /** The reader the product had until session 8 (parent-stack-reader.ts), read once. */
  parentStackReader() {
    const reader = new ParentStackReader(document.body);
    reader.read();
    return reader.blocks.length;
  },
  /** The XPath reader tried in session 4 (xpath-reader.ts), read once. */
  xpathReader() {
    const reader = new XPathReader(document.body);
    reader.read();
    return reader.blocks.length;
  },
  /** Only the text nodes that hold more than white space, found by XPath, with their data. */
  xpathText() {
    const found = snapshot(`.//${TEXT_STEP}`);
    let chars = 0;
    for (let i = 0; i < found.snapshotLength; i++) chars += (found.snapshotItem(i) as Text).data.length;
    return chars;
  },
  /** The same, plus each text node's parent (what finding its block would start from). */
  xpathTextParents() {
    const found = snapshot(`.//${TEXT_STEP}`);
    let sum = 0;
    for (let i = 0; i < found.snapshotLength; i++) {
      const text = found.snapshotItem(i) as Text;
      sum += text.data.length + (text.parentNode ? 1 : 0);
    }
    return sum;
  },
  /** Block elements with no block inside (a :has() query), each read with textContent. */
  leafBlocks() {
    const leaves = document.body.querySelectorAll(`:is(${BLOCKS}):not(:has(:is(${BLOCKS})))`);
    let chars = 0;
    for (const leaf of leaves) chars += leaf.textContent?.length ?? 0;
    return chars;
  },
  /** Possible shadow hosts by name only (custom elements), alone. */
  customQuery() {
    return snapshot(".//*[contains(local-name(.),'-')]").snapshotLength;
  },
  /** The XPath reader's query: text nodes with text, custom and editable elements, in one union. */
  xpathUnion() {
    const found = snapshot(`.//${TEXT_STEP} | .//${ELEMENT_STEP}`);
    let sum = 0;
    for (let i = 0; i < found.snapshotLength; i++) {
      const node = found.snapshotItem(i) as Node;
      sum += node.nodeType === 3 ? (node as Text).data.length + (node.parentNode ? 1 : 0) : 1;
    }
    return sum;
  },
  /** The XPath reader's selector query: childless standard elements that may host a shadow root. */
  childlessHostsCss() {
    return document.body.querySelectorAll(CHILDLESS_HOSTS).length;
  },
  /** The rendered text of the whole body in one native call (forces layout if it is dirty). */
  innerText() {
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is timed.
    return document.body.innerText.length;
  },
  /** Every text node's data concatenated in one native call: no wrappers, no block edges. */
  textContent() {
    return document.body.textContent?.length ?? 0;
  },
  /**
   * Text nodes holding one of 20 city names (ASCII case folded), found by one XPath query:
   * what finding the text nodes of a page's mentions by their words would cost.
   */
  xpathAnchors() {
    const folded = "translate(., 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')";
    return anchorQuery(ANCHOR_WORDS.map((word) => `contains(${folded}, '${word}')`));
  },
  /** The same 20 names, capitalised, without case folding. */
  xpathAnchorsExact() {
    const names = ANCHOR_WORDS.map((word) => word[0]?.toUpperCase() + word.slice(1));
    return anchorQuery(names.map((name) => `contains(., '${name}')`));
  },
  /** Every skipped element, in one selector query. */
  skippedQuery() {
    return document.body.querySelectorAll(`:is(${[...SKIPPED_TAGS].join(',')},[contenteditable])`).length;
  },
};

/** The readers that `--check` compares with the product's. */
const OTHER_READERS = { xpath: XPathReader, parentStack: ParentStackReader };

/**
 * Where another reader's blocks differ from the product's, at most three per page: none means
 * both read the same text. White space at a block's ends is ignored for the XPath reader
 * (XPath drops white-space-only nodes); the parent-stack reader must match exactly, down to
 * the text node and offset of every piece. The product's reader reads in slices of three
 * clock ticks here, so resuming is checked too. Not a timed pass.
 */
export function readerDifferences(other: keyof typeof OTHER_READERS): string[] {
  const product = new BlockReader(document.body);
  let clock = 0;
  while (!product.read(clock + 3, () => clock++));
  const reader = new OTHER_READERS[other](document.body);
  reader.read();
  const exact = other === 'parentStack';
  const key = (block: TextBlock | undefined) =>
    exact
      ? block && [block.text, ...block.pieces.map((piece) => piece.start)].join('\u0000')
      : block?.text.trim();
  const diffs: string[] = [];
  for (let i = 0; i < Math.max(product.blocks.length, reader.blocks.length) && diffs.length < 3; i++) {
    const ours = product.blocks[i];
    const theirs = reader.blocks[i];
    const samePieces =
      !exact ||
      (ours?.pieces.length === theirs?.pieces.length &&
        Boolean(ours?.pieces.every((p, j) => p.node === theirs?.pieces[j]?.node)));
    if (key(ours) !== key(theirs) || !samePieces)
      diffs.push(
        `${i}: ${JSON.stringify(ours?.text.slice(0, 60))} vs ${JSON.stringify(theirs?.text.slice(0, 60))}`,
      );
  }
  return diffs;
}
