// @vitest-environment happy-dom
import type { PaintedMention } from '@/lib/content/mention-store';
import { insideAny, sortByDocument, stillFits } from '@/lib/content/range-order';
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
