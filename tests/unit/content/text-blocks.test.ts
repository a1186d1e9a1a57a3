// @vitest-environment happy-dom
import { BlockReader, collectBlocks } from '@/lib/content/text-blocks';

function body(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

const texts = (root: Node) => collectBlocks(root).map((block) => block.text);

describe('reading a page block by block', () => {
  it('joins inline elements into one block and splits at block elements', () => {
    expect(texts(body('<p>NATO–Russia <em>Founding</em> Act</p><p>Second</p>'))).toEqual([
      'NATO–Russia Founding Act',
      'Second',
    ]);
  });

  it('splits at line breaks, list items and table cells', () => {
    expect(
      texts(
        body(
          '<div>one<br>two</div><ul><li>three</li><li>four</li></ul><table><tr><td>five</td><td>six</td></tr></table>',
        ),
      ),
    ).toEqual(['one', 'two', 'three', 'four', 'five', 'six']);
  });

  it('splits the text around a nested block', () => {
    expect(texts(body('<div>before <p>inside</p> after</div>'))).toEqual(['before ', 'inside', ' after']);
  });

  it('leaves out code, form controls, editable regions and scripts', () => {
    const html =
      '<p>kept</p><code>c</code><pre>p</pre><textarea>t</textarea><button>b</button><script>s</script>' +
      '<div contenteditable="true"><p>e</p></div><div contenteditable="false"><p>read</p></div>';
    expect(texts(body(html))).toEqual(['kept', 'read']);
  });

  it('leaves out the text of every element that holds no prose, and of the card', () => {
    const skipped = [
      'style',
      'noscript',
      'template',
      'input',
      'select',
      'option',
      'kbd',
      'samp',
      'svg',
      'math',
    ];
    skipped.push('title', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio', 'backstory-card');
    for (const tag of skipped) {
      // Built node by node, and not in the page: the parser would move some of these out of a
      // paragraph or keep no text in them, and happy-dom would try to load the iframe.
      const paragraph = document.createElement('p');
      paragraph.append('The Founding Act', document.createElement(tag));
      (paragraph.lastChild as Element).append(' hidden');
      expect([tag, texts(paragraph)]).toEqual([tag, ['The Founding Act']]);
    }
  });

  it('ends a block at the edges of every block element', () => {
    const blocks = [
      'address',
      'article',
      'aside',
      'blockquote',
      'caption',
      'dd',
      'details',
      'dialog',
      'dl',
      'dt',
    ];
    blocks.push('fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6');
    blocks.push('header', 'hgroup', 'legend', 'li', 'main', 'nav', 'ol', 'section', 'summary', 'table');
    blocks.push('tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul');
    for (const tag of blocks) {
      const div = body('<div>before</div>').firstElementChild as Element;
      div.append(document.createElement(tag), 'after');
      (div.children[0] as Element).append('inside');
      expect([tag, texts(document.body)]).toEqual([tag, ['before', 'inside', 'after']]);
    }
  });

  it('ends cleanly when a skipped element is the last thing on the page', () => {
    expect(texts(body('<div><p>a</p><div><script>x</script></div></div>'))).toEqual(['a']);
    expect(texts(body('<p>b</p><code>c</code>'))).toEqual(['b']);
  });

  it('reads open shadow roots as blocks of their own', () => {
    const root = body('<p>light</p><div id="host"></div>');
    const shadow = (root.querySelector('#host') as HTMLElement).attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>shadow <b>text</b></p>';
    expect(texts(root)).toEqual(['light', 'shadow text']);
  });

  it('ends a block where its element ends, even when the parent goes on', () => {
    expect(texts(body('<div><p>New</p>York</div><div><div><p>a</p></div>b <em>c</em></div>'))).toEqual([
      'New',
      'York',
      'a',
      'b c',
    ]);
  });

  it('treats every spelling of contenteditable except "false" as editable', () => {
    const html =
      '<p contenteditable>a</p><p contenteditable="TRUE">b</p><p contenteditable="plaintext-only">c</p>' +
      '<p contenteditable="False">d</p><p>e</p>';
    expect(texts(body(html))).toEqual(['d', 'e']);
  });

  it('reads shadow roots of custom elements and of spans', () => {
    const root = body('<p>light <x-widget></x-widget> <span id="s"></span></p>');
    const widget = root.querySelector('x-widget') as HTMLElement;
    widget.attachShadow({ mode: 'open' }).innerHTML = '<p>in widget</p>';
    (root.querySelector('#s') as HTMLElement).attachShadow({ mode: 'open' }).innerHTML = 'in span';
    expect(texts(root)).toEqual(['light  ', 'in widget', 'in span']);
  });

  it("reads a shadow root inside a shadow root, and a host that is a shadow root's own child", () => {
    const root = body('<x-outer></x-outer>');
    const outer = (root.querySelector('x-outer') as HTMLElement).attachShadow({ mode: 'open' });
    outer.innerHTML = 'top <b>level</b><x-inner></x-inner>';
    (outer.querySelector('x-inner') as HTMLElement).attachShadow({ mode: 'open' }).innerHTML = '<p>inner</p>';
    expect(texts(root)).toEqual(['top level', 'inner']);
  });

  it('reads from an inline root, as the rescan of a changed span does', () => {
    const root = body('<p>before <span>in <b>side</b></span> after</p>');
    expect(texts(root.querySelector('span') as Node)).toEqual(['in side']);
  });

  it('maps every piece of a block back to its text node', () => {
    const [block] = collectBlocks(body('<p>ab<b>cd</b>ef</p>'));
    expect(block?.pieces.map((piece) => [piece.node.data, piece.start])).toEqual([
      ['ab', 0],
      ['cd', 2],
      ['ef', 4],
    ]);
  });

  it('stops at a deadline and resumes where it stopped', () => {
    const root = body(Array.from({ length: 2000 }, (_, i) => `<p>para ${i}</p>`).join(''));
    const reader = new BlockReader(root);
    let clock = 0;
    const now = () => clock++;
    let slices = 1;
    while (!reader.read(clock + 2, now)) slices++;
    expect(slices).toBeGreaterThan(1);
    expect(reader.blocks).toHaveLength(2000);
    expect(reader.blocks[1999]?.text).toBe('para 1999');
  });

  it('reads a tree nested 5,000 levels deep without overflowing the stack', () => {
    let parent: Element = body('<main></main>').firstElementChild as Element;
    for (let i = 0; i < 5000; i++)
      parent = parent.appendChild(document.createElement(i % 2 ? 'span' : 'div'));
    parent.textContent = 'deep';
    expect(texts(document.body)).toEqual(['deep']);
  });

  it('leaves out an editable region deep in a tree too deep for the selector engine', () => {
    let parent: Element = body('<main></main>').firstElementChild as Element;
    for (let i = 0; i < 5000; i++)
      parent = parent.appendChild(document.createElement(i % 2 ? 'span' : 'div'));
    parent.innerHTML = '<p>deep</p><div contenteditable><p>typed</p></div>';
    expect(texts(document.body)).toEqual(['deep']);
  });

  it('keeps the white space between inline elements, which separates words', () => {
    expect(texts(body('<p><b>Black</b> <i>Sea</i>\n<span>ceasefire</span></p>'))).toEqual([
      'Black Sea\nceasefire',
    ]);
  });

  it('ends a block at an empty block or a line break between two runs of text', () => {
    expect(texts(body('<div>a<p></p>b<br>c<hr><span> </span>d</div>'))).toEqual(['a', 'b', 'c', ' d']);
  });

  it('joins text across a skipped element without reading it', () => {
    expect(texts(body('<p>The <code>x</code> Hague<kbd> </kbd> summit</p>'))).toEqual(['The  Hague summit']);
  });

  it('drops a block of no-break spaces, as it holds no word', () => {
    expect(texts(body('<p>\u00a0\u00a0</p><p>word</p>'))).toEqual(['word']);
  });

  it('reads nothing from a root inside an editable region or a skipped element', () => {
    const root = body('<div contenteditable><p id="e">typed</p></div><pre><span id="c">code</span></pre>');
    expect(texts(root.querySelector('#e') as Node)).toEqual([]);
    expect(texts(root.querySelector('#c') as Node)).toEqual([]);
  });

  it('reads the shadow root of every standard element that can have one, when it has no child', () => {
    const hosts = ['article', 'aside', 'blockquote', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
    hosts.push('header', 'main', 'nav', 'p', 'section', 'span');
    for (const tag of hosts) {
      const host = body('').appendChild(document.createElement(tag));
      host.attachShadow({ mode: 'open' }).innerHTML = 'in shadow';
      expect([tag, texts(document.body)]).toEqual([tag, ['in shadow']]);
    }
  });

  it('lists an empty root that may still get a shadow root, and not one that cannot have one', () => {
    const root = body('<div></div><ul><li></li></ul>');
    for (const element of [root.querySelector('div'), root.querySelector('li')] as Element[]) {
      const reader = new BlockReader(element);
      reader.read();
      expect([element.localName, reader.shadowless]).toEqual([
        element.localName,
        element.localName === 'div' ? [element] : [],
      ]);
    }
  });

  it('does not read the shadow root of a host inside a skipped element', () => {
    const root = body('<p>seen</p><button><x-icon></x-icon></button>');
    (root.querySelector('x-icon') as HTMLElement).attachShadow({ mode: 'open' }).innerHTML = '<p>hidden</p>';
    expect(texts(root)).toEqual(['seen']);
  });
});
