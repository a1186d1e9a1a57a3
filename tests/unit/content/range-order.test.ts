// @vitest-environment happy-dom
import type { PaintedMention } from '@/lib/content/mention-store';
import { insideAny, mergeByDocument, sortByDocument, stillFits } from '@/lib/content/range-order';
import { staticRange } from '../static-range';

const mention = (text: Text, start: number, end: number, cardId = 'founding-act'): PaintedMention => ({
  range: staticRange(text, start, end),
  cardIds: [cardId],
});
const cards = (mentions: PaintedMention[]) => mentions.map((m) => m.cardIds[0]);

describe('the order of painted mentions', () => {
  it('puts mentions in page order, and two in one text node in the order of their offsets', () => {
    document.body.innerHTML = '<p>NATO and the Founding Act</p><p>Kyiv</p>';
    const [text, later] = [...document.querySelectorAll('p')].map((p) => p.firstChild as Text) as [
      Text,
      Text,
    ];
    const [nato, act, kyiv] = [
      mention(text, 0, 4, 'nato'),
      mention(text, 13, 25),
      mention(later, 0, 4, 'kyiv'),
    ];
    expect(cards(sortByDocument([kyiv, act, nato]))).toEqual(['nato', 'founding-act', 'kyiv']);
  });

  it('puts a mention in a component’s shadow root where the component stands', () => {
    document.body.innerHTML = '<x-one></x-one><p>Kyiv</p><x-two></x-two>';
    const [one, two] = ['x-one', 'x-two'].map((tag) => {
      const shadow = (document.querySelector(tag) as Element).attachShadow({ mode: 'open' });
      shadow.innerHTML = '<p>the <b>Founding Act</b></p>';
      return mention(shadow.querySelector('b')?.firstChild as Text, 0, 12, tag);
    }) as [PaintedMention, PaintedMention];
    const kyiv = mention(document.querySelector('p')?.firstChild as Text, 0, 4, 'kyiv');
    expect(cards(sortByDocument([two, kyiv, one]))).toEqual(['x-one', 'kyiv', 'x-two']);
    expect(cards(sortByDocument([kyiv, two, one]))).toEqual(['x-one', 'kyiv', 'x-two']);
  });

  it('puts a mention a rescan added before the others in its place, with a shadow root between them', () => {
    // The array a rescan sorts: the mentions kept, then the one added (D1, before D0).
    document.body.innerHTML = '<p>Kyiv</p><p>NATO</p><x-one></x-one>';
    const shadow = (document.querySelector('x-one') as Element).attachShadow({ mode: 'open' });
    shadow.innerHTML = 'the Founding Act';
    const [d1, d0] = [...document.querySelectorAll('p')].map((p, i) =>
      mention(p.firstChild as Text, 0, 4, i === 0 ? 'd1' : 'd0'),
    ) as [PaintedMention, PaintedMention];
    const s0 = mention(shadow.firstChild as Text, 4, 16, 's0');
    expect(cards(sortByDocument([d0, s0, d1]))).toEqual(['d1', 'd0', 's0']);
  });

  it('orders shadow roots inside shadow roots, and two mentions of one nested text node by offset', () => {
    document.body.innerHTML = '<x-outer></x-outer><p>Kyiv</p>';
    const outer = (document.querySelector('x-outer') as Element).attachShadow({ mode: 'open' });
    outer.innerHTML = '<p>Moscow</p><x-inner></x-inner>';
    const inner = (outer.querySelector('x-inner') as Element).attachShadow({ mode: 'open' });
    inner.innerHTML = 'NATO and the Founding Act';
    const text = inner.firstChild as Text;
    const moscow = mention(outer.querySelector('p')?.firstChild as Text, 0, 6, 'moscow');
    const kyiv = mention(document.querySelector('p')?.firstChild as Text, 0, 4, 'kyiv');
    const [nato, act] = [mention(text, 0, 4, 'nato'), mention(text, 13, 25)];
    expect(cards(sortByDocument([kyiv, act, nato, moscow]))).toEqual([
      'moscow',
      'nato',
      'founding-act',
      'kyiv',
    ]);
  });
});

describe('putting new mentions among mentions in page order', () => {
  /** A page of paragraphs, some with a component whose shadow root holds text, and a mention in each text node. */
  function pageMentions(paragraphs: number, seed: number): PaintedMention[] {
    let state = seed;
    const random = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    document.body.innerHTML = Array.from({ length: paragraphs }, (_, i) =>
      random() < 0.2 ? `<p>Kyiv ${i} <x-card></x-card> Moscow</p>` : `<p>Kyiv ${i} and NATO</p>`,
    ).join('');
    for (const host of document.querySelectorAll('x-card')) {
      host.attachShadow({ mode: 'open' }).innerHTML = '<span>Founding Act</span>';
    }
    const texts: Text[] = [];
    const walk = (root: Node) => {
      for (const node of root.childNodes) {
        if (node.nodeType === 3) texts.push(node as Text);
        else walk(node);
        const shadow = (node as Element).shadowRoot;
        if (shadow) walk(shadow);
      }
    };
    walk(document.body);
    // Two mentions in most text nodes, one in the short ones, each named by where it is.
    return texts.flatMap((text, i) =>
      text.length > 8
        ? [mention(text, 0, 4, `${i}a`), mention(text, text.length - 4, text.length, `${i}b`)]
        : [mention(text, 0, 4, `${i}a`)],
    );
  }

  it('gives the order a sort of them all gives, wherever the new ones fall', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const all = pageMentions(60, seed);
      const expected = cards(sortByDocument([...all]));
      // Every fifth mention, and the very first and last, come from the rescan, out of order.
      const added = all.filter((_, i) => i % 5 === seed % 5 || i === 0 || i === all.length - 1).reverse();
      const kept = sortByDocument(all.filter((m) => !added.includes(m)));
      expect(cards(mergeByDocument(kept, added))).toEqual(expected);
    }
  });

  it('leaves the mentions it was given as they were, and returns them all when nothing is added', () => {
    const all = sortByDocument(pageMentions(10, 7));
    const before = [...all];
    expect(mergeByDocument(all, [])).toEqual(before);
    expect(mergeByDocument(all.slice(1), [all[0] as PaintedMention])).toEqual(before);
    expect(all).toEqual(before);
  });

  it('compares each new mention with a few of the others, not with all of them', () => {
    document.body.innerHTML = Array.from({ length: 2000 }, (_, i) => `<p>Kyiv ${i}</p>`).join('');
    const all = [...document.querySelectorAll('p')].map((p) => mention(p.firstChild as Text, 0, 4));
    const added = [all[1500], all[3], all[1999]] as PaintedMention[];
    const kept = all.filter((m) => !added.includes(m));
    const compare = vi.spyOn(Node.prototype, 'compareDocumentPosition');
    try {
      expect(mergeByDocument(kept, added)).toEqual(all);
      // About log2(2,000) = 11 for each of the three, and a few to sort the three.
      expect(compare.mock.calls.length).toBeLessThan(50);
    } finally {
      compare.mockRestore();
    }
  });
});

describe('whether a painted mention still fits its text', () => {
  it('fits up to the very end of its text node, and not past it', () => {
    document.body.innerHTML = '<p>The Founding Act</p>';
    const text = document.querySelector('p')?.firstChild as Text;
    expect(stillFits(staticRange(text, 4, 16))).toBe(true);
    text.data = 'The Founding';
    expect(stillFits(staticRange(text, 4, 16))).toBe(false);
  });

  it('does not fit once the node it starts in got shorter than its start', () => {
    document.body.innerHTML = '<p>NATO–Russia <em>Founding</em> Act</p>';
    const [start, end] = [
      document.querySelector('p')?.firstChild as Text,
      document.querySelector('em')?.firstChild as Text,
    ];
    const range = { ...staticRange(start, 5, 8), endContainer: end } as AbstractRange;
    expect(stillFits(range)).toBe(true);
    start.data = 'NATO';
    expect(stillFits(range)).toBe(false);
  });

  it('does not fit once the page removed the node it starts in, or the one it ends in', () => {
    document.body.innerHTML = '<p>The Founding <b>Act</b></p>';
    const [start, bold] = [
      document.querySelector('p')?.firstChild as Text,
      document.querySelector('b') as Element,
    ];
    const end = bold.firstChild as Text;
    const range = { ...staticRange(start, 4, 3), endContainer: end } as AbstractRange;
    start.remove();
    expect(stillFits(range)).toBe(false);
    document.querySelector('p')?.prepend(start);
    bold.remove();
    expect(stillFits(range)).toBe(false);
  });
});

describe('whether a node is in a changed root', () => {
  it('counts the root itself, an element inside it, and text in a component inside it', () => {
    document.body.innerHTML = '<section><p>The <x-quote></x-quote></p></section><p>Outside</p>';
    const section = document.querySelector('section') as Element;
    const shadow = (document.querySelector('x-quote') as Element).attachShadow({ mode: 'open' });
    shadow.innerHTML = 'Founding Act';
    const roots = new Set<Node>([section]);
    expect(insideAny(section, roots)).toBe(true);
    expect(insideAny(shadow.firstChild as Node, roots)).toBe(true);
    expect(insideAny(document.querySelectorAll('p')[1]?.firstChild as Node, roots)).toBe(false);
  });
});
