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

  // 255 paragraphs, then node 511 is a <p>, 512 its text "one": the slice stops before the <b>.
  const before = Array.from({ length: 255 }, (_, i) => `<p>para ${i}</p>`).join('');

  it('ends the block when the page removes the block it stopped in after reading some of its text', () => {
    const root = body(`${before}<div>one<b>x</b></div>after`);
    const div = root.querySelector('div') as Element;
    expect(readAcrossChange(root, () => div.remove()).slice(-2)).toEqual(['one', 'after']);
    // The same inside an inline element that stays.
    const inline = body(
      `${before.slice(before.indexOf('</p>') + 4)}<span><div>one<b>x</b></div></span>after`,
    );
    const inner = inline.querySelector('div') as Element;
    expect(readAcrossChange(inline, () => inner.remove()).slice(-2)).toEqual(['one', 'after']);
  });

  it('goes on from where the next node was when the page moves it, and never reads it twice', () => {
    // Moved forward into a later block: read there, in that block, as the walk reaches it.
    let root = body(`${before}<p>one<b>two</b></p><p id="t">three</p>`);
    let bold = root.querySelector('b') as Element;
    expect(readAcrossChange(root, () => root.querySelector('#t')?.append(bold)).slice(-2)).toEqual([
      'one',
      'threetwo',
    ]);
    // Moved into code or an editor: not read at all.
    for (const skipped of ['<code id="t"></code>', '<div id="t" contenteditable></div>']) {
      root = body(`${before}<p>one<b>two</b></p>${skipped}`);
      bold = root.querySelector('b') as Element;
      const read = readAcrossChange(root, () => root.querySelector('#t')?.append(bold));
      expect(read.at(-1)).toBe('one');
      expect(read.join('|')).not.toContain('two');
    }
    // Moved back into a block already read: not read again, and nothing is read twice.
    root = body(`${before}<p>one<b>two</b></p>`);
    bold = root.querySelector('b') as Element;
    const read = readAcrossChange(root, () => root.firstElementChild?.append(bold));
    expect(read).toHaveLength(256);
    expect(read.at(-1)).toBe('one');
  });

  it('keeps one block when the page removes a node from the middle of it', () => {
    // 254 paragraphs and a <br> are nodes 1 to 509: in each page below, the slice stops before the <b>.
    const filler = `${Array.from({ length: 254 }, (_, i) => `<p>para ${i}</p>`).join('')}<br>`;
    const cases = [
      // The <p> stays, and what follows the <b> (a comment, then text) still belongs to it.
      [`${filler}<i></i><p>one<b>x</b><!-- c --> two</p>after`, ['one two', 'after']],
      // Inside an inline element inside a block: leaving the inline element does not end the block.
      [`${filler}<div><span>one<b>x</b> two</span> three</div>after`, ['one two three', 'after']],
      // The <b> was the inline element's last node: leaving the <p> around it ends the block.
      [`${filler}<p>one<span><b>x</b></span></p>after`, ['one', 'after']],
    ] as const;
    for (const [html, last] of cases) {
      const root = body(html);
      const bold = root.querySelector('b') as Element;
      expect(readAcrossChange(root, () => bold.remove()).slice(-2)).toEqual(last);
    }
  });

  it('reads nothing more from a root the page moved elsewhere, and nothing outside it', () => {
    const paragraphs = Array.from({ length: 300 }, (_, i) => `<p>para ${i}</p>`).join('');
    const root = body(`<div>${paragraphs}</div><p>outside</p><section></section>`);
    const div = root.firstElementChild as Element;
    const read = readAcrossChange(div, () => root.querySelector('section')?.append(div));
    expect(read.at(-1)).toBe('para 255');
    expect(read).toHaveLength(256);
  });

  it('reads nothing more from a shadow root whose host the page took out', () => {
    const root = body('<x-host></x-host><p>after</p>');
    const host = root.querySelector('x-host') as Element;
    host.attachShadow({ mode: 'open' }).innerHTML = Array.from(
      { length: 300 },
      (_, i) => `<p>para ${i}</p>`,
    ).join('');
    const read = readAcrossChange(root, () => host.remove());
    expect(read[0]).toBe('after');
    expect(read.at(-1)).toBe('para 253');
  });

  it('reads nothing more from a root the page took out', () => {
    const root = body(`<div>${Array.from({ length: 300 }, (_, i) => `<p>para ${i}</p>`).join('')}</div>`);
    const div = root.firstElementChild as Element;
    const read = readAcrossChange(div, () => div.remove());
    expect(read.at(-1)).toBe('para 255');
  });

  it('starts the next root with nothing open after the page took out a root mid-paragraph', () => {
    // The reader stops inside <section><p> of the first root, which the page then removes,
    // keeping the component found in it; that component's shadow root is read next, stops
    // inside one <span> (after about 255 words), and the page removes the words around
    // the one to read next.
    // The span is still one block.
    document.body.innerHTML = '';
    const root = document.createElement('div');
    document.body.append(root);
    const host = document.createElement('x-host');
    const words = (word: string) => Array.from({ length: 400 }, () => `<i>${word}</i>`).join('');
    root.innerHTML = `<section><p>${words('a')}</p></section>`;
    root.prepend(host);
    host.attachShadow({ mode: 'open' }).innerHTML = `<span>${words('b')}</span>`;
    const reader = new BlockReader(root);
    let clock = 0;
    expect(reader.read(0, () => clock++)).toBe(false);
    document.body.append(host);
    root.remove();
    const slice = clock;
    expect(reader.read(slice, () => clock++)).toBe(false);
    for (const word of [...(host.shadowRoot?.querySelectorAll('i') ?? [])].slice(240, 270)) word.remove();
    reader.read();
    const texts = reader.blocks.map((block) => block.text);
    expect(texts).toHaveLength(2);
    expect(texts[0]).toMatch(/^a+$/);
    // The 255 words read before the pause (removed ones among them stay read) and the 130
    // after the removed ones, in one block.
    expect(texts[1]).toBe('b'.repeat(255 + 130));
  });
});
