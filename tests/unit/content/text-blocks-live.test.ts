// @vitest-environment jsdom
// jsdom, not happy-dom: reading resumes from a live Range, which the DOM moves when the node it
// is in is removed. happy-dom's ranges stay where they were set; jsdom's and browsers' move.
import { BlockReader } from '@/lib/content/text-blocks';

function body(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

describe('a page that changes between two slices of reading', () => {
  /** Reads `root` in two slices, running `change` between them; the first stops after 512 nodes. */
  function readAcrossChange(root: Node, change: () => void): string[] {
    const reader = new BlockReader(root);
    let clock = 0;
    expect(reader.read(0, () => clock++)).toBe(false);
    change();
    reader.read();
    return reader.blocks.map((b) => b.text);
  }

  it('goes on after the page removes the paragraph it stopped in', () => {
    // 300 paragraphs of two nodes each: the first slice stops in the text of "para 255".
    const root = body(Array.from({ length: 300 }, (_, i) => `<p>para ${i}</p>`).join(''));
    const read = readAcrossChange(root, () => root.children[255]?.remove());
    expect(read).toHaveLength(300);
    expect(read.slice(254, 258)).toEqual(['para 254', 'para 255', 'para 256', 'para 257']);
    expect(read.at(-1)).toBe('para 299');
  });

  it('goes on after the page removes the node it was about to read, or the whole section', () => {
    const paragraphs = Array.from({ length: 255 }, (_, i) => `<p>para ${i}</p>`).join('');
    // Node 511 is the last <p>, 512 the <code> it skips: the slice stops before the <b>.
    const html = `<section>${paragraphs}<p><code>c</code><b>bold</b> end</p></section><p>after</p>`;
    const root = body(html);
    const bold = root.querySelector('b') as Element;
    expect(readAcrossChange(root, () => bold.remove()).slice(-2)).toEqual([' end', 'after']);
    const again = body(html);
    const section = again.querySelector('section') as Element;
    expect(readAcrossChange(again, () => section.remove()).slice(-2)).toEqual(['para 254', 'after']);
  });

  it('ends the block of a paragraph whose last node the page removed', () => {
    // 255 paragraphs, then node 511 is the last <p>, 512 its text: the slice stops before the <b>.
    const paragraphs = Array.from({ length: 255 }, (_, i) => `<p>para ${i}</p>`).join('');
    const root = body(`${paragraphs}<p>last<b>bold</b></p>after`);
    const bold = root.querySelector('b') as Element;
    expect(readAcrossChange(root, () => bold.remove()).slice(-2)).toEqual(['last', 'after']);
  });

  it('reads nothing more from a root the page took out', () => {
    const root = body(`<div>${Array.from({ length: 300 }, (_, i) => `<p>para ${i}</p>`).join('')}</div>`);
    const div = root.firstElementChild as Element;
    const read = readAcrossChange(div, () => div.remove());
    expect(read.at(-1)).toBe('para 255');
  });
});
