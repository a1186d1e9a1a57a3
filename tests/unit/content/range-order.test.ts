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

  it('keeps the scan’s order for mentions in two different shadow trees', () => {
    document.body.innerHTML = '<x-one></x-one><x-two></x-two>';
    const [one, two] = ['x-one', 'x-two'].map((tag) => {
      const shadow = (document.querySelector(tag) as Element).attachShadow({ mode: 'open' });
      shadow.innerHTML = 'the Founding Act';
      return mention(shadow.firstChild as Text, 4, 16, tag);
    }) as [PaintedMention, PaintedMention];
    expect(cards(sortByDocument([two, one]))).toEqual(['x-two', 'x-one']);
    expect(cards(sortByDocument([one, two]))).toEqual(['x-one', 'x-two']);
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
