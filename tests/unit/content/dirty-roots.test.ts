// @vitest-environment happy-dom
import { dirtyRoots, outermost, takesReadTextOut } from '@/lib/content/dirty-roots';

describe('the outermost of the changed roots', () => {
  it('drops a component’s shadow root when the block around the component is read again', () => {
    document.body.innerHTML = '<p>Quoted: <x-quote></x-quote></p>';
    const block = document.querySelector('p') as HTMLElement;
    const shadow = (document.querySelector('x-quote') as HTMLElement).attachShadow({ mode: 'open' });
    expect([...outermost(new Set<Node>([shadow, block]))]).toEqual([block]);
    // A custom element's shadow root is read with it even when it has children of its own.
    document.body.innerHTML = '<p>Quoted: <x-quote><span>light</span></x-quote></p>';
    const other = document.querySelector('p') as HTMLElement;
    const inner = (document.querySelector('x-quote') as HTMLElement).attachShadow({ mode: 'open' });
    expect([...outermost(new Set<Node>([inner, other]))]).toEqual([other]);
  });

  it('keeps the shadow root of a standard element that has children, which reading it skips', () => {
    document.body.innerHTML = '<div><span>slotted</span></div>';
    const host = document.querySelector('div') as HTMLElement;
    const shadow = host.attachShadow({ mode: 'open' });
    expect(new Set(outermost(new Set<Node>([shadow, host])))).toEqual(new Set([shadow, host]));
  });

  it('keeps it for a standard element holding only text, and drops it for one holding only a comment', () => {
    document.body.innerHTML = '<div id="text">slotted</div><div id="comment"><!-- slot --></div>';
    const [text, comment] = ['text', 'comment'].map((id) => document.getElementById(id) as HTMLElement) as [
      HTMLElement,
      HTMLElement,
    ];
    const [textShadow, commentShadow] = [text, comment].map((host) => host.attachShadow({ mode: 'open' }));
    const roots = new Set<Node>([textShadow as ShadowRoot, text, commentShadow as ShadowRoot, comment]);
    expect(new Set(outermost(roots))).toEqual(new Set([textShadow, text, comment]));
  });

  it('drops roots inside another root, and roots the page took out', () => {
    document.body.innerHTML = '<section><p>One</p></section><p>Two</p>';
    const [section, inner, gone] = [...document.querySelectorAll('section, p')] as HTMLElement[];
    (gone as HTMLElement).remove();
    expect([...outermost(new Set<Node>([inner as Node, section as Node, gone as Node]))]).toEqual([section]);
  });
});

/** The mutation records of what `change` does under `watched`, as one batch. */
function recordsOf(change: () => void, watched: Node): MutationRecord[] {
  const observer = new MutationObserver(() => undefined);
  observer.observe(watched, { childList: true, subtree: true, characterData: true });
  change();
  const records = observer.takeRecords();
  observer.disconnect();
  return records;
}

/** What a page does to measure text: a span added and taken out again at once. */
function measureText(): void {
  const probe = document.createElement('span');
  probe.textContent = 'M';
  document.body.append(probe);
  probe.remove();
}

describe('the parts of the page a batch of changes asks to read again', () => {
  /** The roots dirtied by what `change` does to the page (or to `watched`), as one batch. */
  function dirtiedBy(change: () => void, watched: Node = document.body): Node[] {
    return [...dirtyRoots(recordsOf(change, watched))];
  }

  it('is the block around edited text, or a shadow root holding the text with no block around it', () => {
    document.body.innerHTML = '<section><p>The <b>Founding</b> Act</p></section><x-quote></x-quote>';
    const bold = document.querySelector('b')?.firstChild as Text;
    expect(dirtiedBy(() => bold.appendData('!'))).toEqual([document.querySelector('p')]);
    const shadow = (document.querySelector('x-quote') as Element).attachShadow({ mode: 'open' });
    shadow.innerHTML = 'the Founding Act holds';
    const quoted = shadow.firstChild as Text;
    expect(dirtiedBy(() => quoted.appendData('!'), shadow)).toEqual([shadow]);
  });

  it('is the block a text node or an inline element was added to or removed from, not the block around it', () => {
    document.body.innerHTML = '<section><p>The <b>x</b> Act</p></section>';
    const paragraph = document.querySelector('p') as HTMLElement;
    expect(dirtiedBy(() => paragraph.append(' again'))).toEqual([paragraph]);
    expect(dirtiedBy(() => paragraph.querySelector('b')?.remove())).toEqual([paragraph]);
    expect(dirtiedBy(() => paragraph.firstChild?.remove())).toEqual([paragraph]);
  });

  it('is an added section once, with the paragraph added to it in the same batch', () => {
    document.body.innerHTML = '<p>Before.</p>';
    const section = document.createElement('section');
    expect(
      dirtiedBy(() => {
        document.body.append(section);
        section.append(document.createElement('p'));
      }),
    ).toEqual([section]);
  });

  it('is nothing for scripts, styles and the card added or removed, nor for typing in an editor', () => {
    document.body.innerHTML = '<p>Text <span>here</span></p><div contenteditable><p>typed</p></div>';
    const paragraph = document.querySelector('p') as HTMLElement;
    for (const tag of ['script', 'style', 'backstory-card']) {
      const element = document.createElement(tag);
      expect(dirtiedBy(() => paragraph.append(element))).toEqual([]);
      expect(dirtiedBy(() => element.remove())).toEqual([]);
    }
    const typed = document.querySelector('[contenteditable] p')?.firstChild as Text;
    expect(dirtiedBy(() => typed.appendData('!'))).toEqual([]);
  });

  it('is nothing for an empty inline element or an empty text node added or removed, such as a tracking image', () => {
    document.body.innerHTML = '<p>The Founding Act.</p>';
    for (const make of [
      () => document.createElement('img'),
      () => document.createElement('span'),
      () => new Text(''),
    ]) {
      const node = make();
      expect(dirtiedBy(() => document.body.append(node))).toEqual([]);
      expect(dirtiedBy(() => node.remove())).toEqual([]);
    }
    // An empty component may bring a shadow root with text: it is read.
    const component = document.createElement('x-quote');
    expect(dirtiedBy(() => document.body.append(component))).toEqual([component]);
  });

  it('is the outermost element around text that has no block around it but the body, not the whole body', () => {
    document.body.innerHTML = '<p>The Founding Act.</p>Updated <span id="clock"><b>12:00</b></span> ago';
    const clock = document.getElementById('clock') as HTMLElement;
    const time = clock.querySelector('b')?.firstChild as Text;
    expect(dirtiedBy(() => time.replaceData(0, 5, '12:01'))).toEqual([clock]);
    const added = document.createElement('em');
    added.textContent = 'NATO';
    expect(dirtiedBy(() => document.body.append(added))).toEqual([added]);
    // Text right in the body, or a node taken out of it, still has the body read again.
    const loose = document.body.childNodes[1] as Text;
    expect(dirtiedBy(() => loose.appendData('!'))).toEqual([document.body]);
    expect(dirtiedBy(() => clock.remove())).toEqual([document.body]);
  });

  it('is nothing for a node added and taken out again at once, such as a span that measures text', () => {
    document.body.innerHTML = '<p>The Founding Act.</p>';
    expect(dirtiedBy(measureText)).toEqual([]);
    // Taken out and put back elsewhere (a move), it is read where it went.
    const paragraph = document.querySelector('p') as HTMLElement;
    const section = document.createElement('section');
    document.body.append(section);
    expect(
      dirtiedBy(() => {
        paragraph.remove();
        section.append(paragraph);
      }),
    ).toEqual([paragraph]);
    const bold = document.createElement('b');
    bold.textContent = 'Act';
    expect(
      dirtiedBy(() => {
        paragraph.append(bold);
        bold.remove();
        section.append(bold);
      }),
    ).toEqual([section]);
  });

  it('is the block around a block edge added or removed between two runs of text', () => {
    document.body.innerHTML =
      '<p>The <em>Founding</em> Act</p><p>The Founding<br> Act</p><div>\n  <p>Kept</p>\n</div>';
    const [split, joined] = [...document.querySelectorAll('p')] as HTMLElement[];
    // A line break put between "Founding" and " Act" splits the block: all of it is read again.
    expect(dirtiedBy(() => split?.querySelector('em')?.after(document.createElement('br')))).toEqual([split]);
    // One taken out from between them joins two lines into one block.
    expect(dirtiedBy(() => joined?.querySelector('br')?.remove())).toEqual([joined]);
    // Beside white space only, an added block is read alone: a live blog's new post does not
    // make its whole column read again.
    const column = document.querySelector('div') as HTMLElement;
    const post = document.createElement('p');
    post.textContent = 'New post';
    expect(dirtiedBy(() => column.append(post))).toEqual([post]);
    expect(dirtiedBy(() => post.remove())).toEqual([]);
  });

  it('is an element moved into an editor, or one that became editable, so its mentions go', () => {
    document.body.innerHTML =
      '<p id="moved">The Founding Act.</p><div contenteditable="true"></div><p id="made">Act</p>';
    const editor = document.querySelector('div') as HTMLElement;
    const moved = document.getElementById('moved') as HTMLElement;
    expect(dirtiedBy(() => editor.append(moved))).toEqual([moved]);
    const made = document.getElementById('made') as HTMLElement;
    const watchingAttributes = (change: () => void) => {
      const observer = new MutationObserver(() => undefined);
      observer.observe(document, { subtree: true, attributes: true, attributeFilter: ['contenteditable'] });
      change();
      const records = observer.takeRecords();
      observer.disconnect();
      return [...dirtyRoots(records)];
    };
    expect(watchingAttributes(() => made.setAttribute('contenteditable', ''))).toEqual([made]);
    // And read again when it stops being editable.
    expect(watchingAttributes(() => made.removeAttribute('contenteditable'))).toEqual([made]);
  });

  it('walks up from each changed block once, however many changes a batch holds', () => {
    let parent: HTMLElement = document.body;
    document.body.replaceChildren();
    for (let i = 0; i < 2000; i++) parent = parent.appendChild(document.createElement('div'));
    const observer = new MutationObserver(() => undefined);
    observer.observe(document.body, { childList: true, subtree: true });
    for (let i = 0; i < 500; i++) parent.append(`tick ${i} `);
    const records = observer.takeRecords();
    observer.disconnect();
    // Count the steps up the page that finding the roots takes.
    let owner = Object.getPrototypeOf(document.body);
    while (!Object.getOwnPropertyDescriptor(owner, 'parentNode')) owner = Object.getPrototypeOf(owner);
    const property = Object.getOwnPropertyDescriptor(owner, 'parentNode') as PropertyDescriptor;
    let steps = 0;
    Object.defineProperty(owner, 'parentNode', {
      ...property,
      get(this: Node) {
        steps++;
        return property.get?.call(this);
      },
    });
    try {
      expect([...dirtyRoots(records)]).toEqual([parent]);
    } finally {
      Object.defineProperty(owner, 'parentNode', property);
    }
    // One walk from the innermost block to the top (and one to check it is not nested), not 500.
    expect(steps).toBeLessThan(10 * 2000);
  });
});

describe('whether a batch of changes took read text out', () => {
  function takenOutBy(change: () => void): boolean {
    return takesReadTextOut(recordsOf(change, document.documentElement));
  }

  it('says yes for a paragraph, a line of text or a non-empty inline element taken out', () => {
    document.body.innerHTML = '<p>The <b>Founding</b> Act</p><p>Paris</p>';
    expect(takenOutBy(() => document.querySelector('b')?.remove())).toBe(true);
    expect(takenOutBy(() => document.querySelector('p')?.firstChild?.remove())).toBe(true);
    expect(takenOutBy(() => document.querySelectorAll('p')[1]?.remove())).toBe(true);
  });

  it('says no for the card host, scripts, comments and empty elements, nor for a node the batch itself added', () => {
    document.body.innerHTML = '<p>Text</p>';
    const host = document.createElement('backstory-card');
    document.documentElement.append(host);
    expect(takenOutBy(() => host.remove())).toBe(false);
    const script = document.createElement('script');
    script.textContent = 'void 0';
    const comment = document.createComment('ad slot');
    const pixel = document.createElement('img');
    document.body.append(script, comment, pixel);
    expect(
      takenOutBy(() => {
        for (const node of [script, comment, pixel]) node.remove();
      }),
    ).toBe(false);
    expect(takenOutBy(measureText)).toBe(false);
  });
});
