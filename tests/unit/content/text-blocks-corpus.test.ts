// @vitest-environment happy-dom
// The page reader on the real pages of ../shared/corpus, against a reference written here from
// the rules of issue 4 alone: blocks split at block elements, skipped elements and editors not
// read, every other element read as inline text. The reference is slow and simple (it asks
// each node for its children); the reader is fast and walks by structure. Both must read the
// same blocks from every page, and each piece must point at its node's text.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectBlocks } from '@/lib/content/text-blocks';
import { corpusDir, NO_CORPUS } from '../../support/shared-dir';

const corpus = corpusDir();

/** Elements whose edges end a block of text (the list, with the other HTML blocks). */
const BLOCKS = new Set(
  `address article aside blockquote body br caption dd details dialog div dl dt fieldset figcaption
  figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main nav ol p section summary
  table tbody td tfoot th thead tr ul`.split(/\s+/),
);
/** Elements whose text is never read: the list, other non-text elements, and the card. */
const SKIPPED = new Set(
  `script style noscript template textarea input select button option code pre kbd samp svg math
  title iframe object embed canvas video audio backstory-card`.split(/\s+/),
);

function referenceBlocks(root: Node): string[] {
  const blocks: string[] = [];
  let text = '';
  const end = () => {
    if (/\S/.test(text)) blocks.push(text);
    text = '';
  };
  // Depth first, with a stack of its own: [node, true] is the moment a block element is left.
  const todo: [Node, boolean][] = [...root.childNodes].reverse().map((node) => [node, false]);
  while (todo.length > 0) {
    const [node, leaving] = todo.pop() as [Node, boolean];
    if (leaving) {
      end();
      continue;
    }
    if (node.nodeType === Node.TEXT_NODE) text += (node as Text).data;
    if (node.nodeType !== Node.ELEMENT_NODE) continue;
    const element = node as Element;
    const editable = element.getAttribute('contenteditable');
    if (SKIPPED.has(element.localName) || (editable !== null && editable.toLowerCase() !== 'false')) continue;
    const block = BLOCKS.has(element.localName);
    if (block) {
      end();
      todo.push([element, true]);
    }
    for (let i = element.childNodes.length - 1; i >= 0; i--)
      todo.push([element.childNodes[i] as Node, false]);
  }
  end();
  return blocks;
}

describe.skipIf(!corpus)('the page reader on every corpus page', () => {
  const names = corpus ? readdirSync(join(corpus, 'pages')).sort() : [];

  it.each(names)('%s: reads the blocks the rules give', (name) => {
    const html = readFileSync(join(corpus as string, 'pages', name, 'source.html'), 'utf8');
    // Parsed into a template, whose content is inert: no stylesheet, frame or preload is
    // fetched (the pages name hundreds of remote hosts). Its content stands for the page.
    const template = document.createElement('template');
    template.innerHTML = html;
    const page = template.content;
    const blocks = collectBlocks(page);
    expect(blocks.map((block) => block.text)).toEqual(referenceBlocks(page));
    for (const { text, pieces } of blocks)
      for (const { node, start } of pieces)
        expect(text.slice(start, start + node.data.length)).toBe(node.data);
  });
});

describe.skipIf(corpus)('the page reader on the corpus', () => {
  it.skip(NO_CORPUS, () => {});
});
