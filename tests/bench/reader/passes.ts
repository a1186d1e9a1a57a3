/**
 * Passes over a page's text that `npm run bench:reader` times in a fresh isolated world, to
 * show where the page reader's first-read cost goes. Bundled and evaluated in the page; each
 * pass returns a number so no work can be optimised away.
 */
import { BLOCK_TAGS, SKIPPED_TAGS } from '../../../lib/content/skip';
import { BlockReader } from '../../../lib/content/text-blocks';
import { CHILDLESS_HOSTS, ELEMENT_STEP, TEXT_STEP, XPathReader } from './xpath-reader';

const SHOW_TEXT = 0x4;
const SHOW_ELEMENT_AND_TEXT = 0x5;
const ORDERED_SNAPSHOT = 7;
const BLOCKS = [...BLOCK_TAGS].filter((name) => name !== 'html' && name !== 'body').join(',');

function snapshot(xpath: string): XPathResult {
  return document.evaluate(xpath, document.body, null, ORDERED_SNAPSHOT, null);
}

export const passes: Record<string, () => number> = {
  /** The floor: every text node's data through a SHOW_TEXT walker. */
  floor() {
    const walker = document.createTreeWalker(document.body, SHOW_TEXT);
    let chars = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) chars += (node as Text).data.length;
    return chars;
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
  /** Every skipped element, in one selector query. */
  skippedQuery() {
    return document.body.querySelectorAll(`:is(${[...SKIPPED_TAGS].join(',')},[contenteditable])`).length;
  },
};

/**
 * Where the XPath reader's blocks differ from the product's (white space at a block's ends
 * aside), at most three per page: none means both read the same text. Not a timed pass.
 */
export function readerDifferences(): string[] {
  const product = new BlockReader(document.body);
  product.read();
  const xpath = new XPathReader(document.body);
  xpath.read();
  const ours = product.blocks.map((b) => b.text.trim());
  const theirs = xpath.blocks.map((b) => b.text.trim());
  const diffs: string[] = [];
  for (let i = 0; i < Math.max(ours.length, theirs.length) && diffs.length < 3; i++)
    if (ours[i] !== theirs[i])
      diffs.push(
        `${i}: ${JSON.stringify(ours[i]?.slice(0, 60))} vs ${JSON.stringify(theirs[i]?.slice(0, 60))}`,
      );
  return diffs;
}
