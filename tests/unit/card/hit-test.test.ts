// @vitest-environment happy-dom
import { mentionAtPoint } from '@/lib/content/card/hit-test';
import { findMention, MentionIndex } from '@/lib/content/card/mention-index';
import type { PaintedMention } from '@/lib/content/mention-store';
import { staticRange } from '../static-range';

// "NATO met. The Founding Act held. Moscow replied." with three mentions.
function page() {
  document.body.innerHTML = '<p>NATO met. The Founding Act held. Moscow replied.</p>';
  const text = document.body.querySelector('p')?.firstChild as Text;
  const mention = (start: number, end: number, id: string): PaintedMention => ({
    range: staticRange(text, start, end),
    cardIds: [id],
  });
  const mentions = [mention(0, 4, 'nato'), mention(14, 26, 'founding-act'), mention(33, 39, 'moscow')];
  return { text, mentions, index: new MentionIndex(mentions) };
}

/** Client rectangles by a range's start offset in the page's one text node. */
const placed = new Map<number, DOMRect>();

/**
 * Gives the text of a mention one client rectangle, as layout would (happy-dom has none):
 * every live Range that starts where the mention starts measures to it.
 */
function placeAt(range: AbstractRange, left: number, right: number): void {
  placed.set(range.startOffset, {
    left,
    right,
    top: 0,
    bottom: 20,
    x: left,
    y: 0,
    width: right - left,
    height: 20,
  } as DOMRect);
}

/** Lays the mentions out on one line, 100 px apart and 40 px wide: 0–40, 100–140, 200–240. */
function placeInRow(mentions: readonly PaintedMention[]): void {
  for (const [i, m] of mentions.entries()) placeAt(m.range, i * 100, i * 100 + 40);
}

beforeEach(() => {
  placed.clear();
  vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
    const rect = placed.get(this.startOffset);
    return (rect ? [rect] : []) as unknown as DOMRectList;
  });
});
afterEach(() => vi.restoreAllMocks());

/**
 * "NATO met." in the page, "Kyiv and Kremlin." in a component's open shadow root, then
 * "Moscow replied." in the page again: four mentions in document order.
 */
function pageWithComponent() {
  document.body.innerHTML = '<p>NATO met.</p><x-box></x-box><p>Moscow replied.</p>';
  const host = document.body.querySelector('x-box') as HTMLElement;
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.innerHTML = '<p>Kyiv and Kremlin.</p>';
  const [first, last] = [...document.body.querySelectorAll('p')].map((p) => p.firstChild as Text);
  const inside = shadow.querySelector('p')?.firstChild as Text;
  const mention = (text: Text, start: number, end: number, id: string): PaintedMention => ({
    range: staticRange(text, start, end),
    cardIds: [id],
  });
  const mentions = [
    mention(first as Text, 0, 4, 'nato'),
    mention(inside, 0, 4, 'kyiv'),
    mention(inside, 9, 16, 'kremlin'),
    mention(last as Text, 0, 6, 'moscow'),
  ];
  return { shadow, inside, last: last as Text, mentions, index: new MentionIndex(mentions) };
}

describe('finding mentions', () => {
  it('finds the mention holding a caret position first, then its neighbours', () => {
    const { text, index } = page();
    expect(index.nearCaret(text, 20)).toEqual([1, 2, 0]);
  });

  it('finds the mention before a caret position between mentions first', () => {
    const { text, index } = page();
    expect(index.nearCaret(text, 30)).toEqual([1, 2, 0]);
    expect(index.nearCaret(text, 45)).toEqual([2, 1]);
  });

  it('offers only the first mention before it', () => {
    const { index } = page();
    const before = document.createElement('p');
    document.body.prepend(before);
    expect(index.nearCaret(before, 0)).toEqual([0]);
  });

  it('finds a mention again by its boundaries after a rescan made new ranges', () => {
    const { mentions } = page();
    const { startContainer, startOffset, endOffset } = (mentions[1] as PaintedMention).range;
    expect(findMention(mentions, staticRange(startContainer as Text, startOffset, endOffset))).toBe(1);
  });

  it('gives up, without throwing, when the text under a mention shrank before its rescan', () => {
    const { text, index } = page();
    text.data = 'NATO met.';
    expect(index.nearCaret(text, 2)).toEqual([]);
  });

  it('looks only at the mentions of the caret’s own tree, a component’s shadow root or the page', () => {
    const { shadow, inside, last, index } = pageWithComponent();
    expect(index.shadowRoots()).toEqual([shadow]);
    expect(index.nearCaret(inside, 12)).toEqual([2, 1]);
    expect(index.nearCaret(last, 2)).toEqual([3, 0]);
    expect(index.nearCaret(document.createElement('p'), 0)).toEqual([]);
  });
});

describe('the mention under the pointer', () => {
  it('comes straight from the highlight registry where it can hit-test', () => {
    const { mentions, index } = page();
    const range = (mentions[2] as PaintedMention).range;
    const registry = {
      highlightsFromPoint: () => [{ highlight: {}, ranges: [range] }],
    } as unknown as HighlightRegistry;
    expect(mentionAtPoint(document, index, 5, 5, registry)).toBe(2);
  });

  it('asks the registry to look into the shadow roots that hold mentions, which it skips unless named', () => {
    const { shadow, mentions, index } = pageWithComponent();
    const kremlin = (mentions[2] as PaintedMention).range;
    // As the Highlight API does: a range in a shadow root is hit only if its root is named.
    const registry = {
      highlightsFromPoint: (_x: number, _y: number, options?: { shadowRoots?: ShadowRoot[] }) =>
        options?.shadowRoots?.includes(shadow) ? [{ highlight: {}, ranges: [kremlin] }] : [],
      get: () => ({ size: 4 }),
    } as unknown as HighlightRegistry;
    expect(mentionAtPoint(document, index, 5, 5, registry)).toBe(2);
  });

  it('asks for the caret inside the shadow roots that hold mentions too', () => {
    const { shadow, inside, mentions, index } = pageWithComponent();
    placeAt((mentions[1] as PaintedMention).range, 0, 40);
    document.caretPositionFromPoint = ((_x: number, _y: number, options?: { shadowRoots?: ShadowRoot[] }) =>
      options?.shadowRoots?.includes(shadow)
        ? { offsetNode: inside, offset: 2 }
        : { offsetNode: shadow.host, offset: 0 }) as unknown as typeof document.caretPositionFromPoint;
    expect(mentionAtPoint(document, index, 20, 10, {} as HighlightRegistry)).toBe(1);
  });

  it('is none when the registry reports no mention there and every mention is painted', () => {
    const { index } = page();
    const registry = {
      highlightsFromPoint: () => [],
      get: () => ({ size: 3 }),
    } as unknown as HighlightRegistry;
    document.caretPositionFromPoint = () => {
      throw new Error('the caret is not needed');
    };
    expect(mentionAtPoint(document, index, 5, 5, registry)).toBeUndefined();
  });

  it('still finds mentions left unpainted by the first-mention-only setting', () => {
    const { text, mentions, index } = page();
    placeInRow(mentions);
    const registry = {
      highlightsFromPoint: () => [],
      get: () => ({ size: 1 }),
    } as unknown as HighlightRegistry;
    document.caretPositionFromPoint = () => ({ offsetNode: text, offset: 35 }) as unknown as CaretPosition;
    expect(mentionAtPoint(document, index, 220, 10, registry)).toBe(2);
  });

  it('falls back to the caret where the registry answers in the first shape, bare highlights', () => {
    const { text, mentions, index } = page();
    placeInRow(mentions);
    const registry = {
      highlightsFromPoint: () => [{}],
      get: () => ({ size: 3 }),
    } as unknown as HighlightRegistry;
    document.caretPositionFromPoint = () => ({ offsetNode: text, offset: 16 }) as unknown as CaretPosition;
    expect(mentionAtPoint(document, index, 120, 10, registry)).toBe(1);
  });

  it('falls back to the caret position and the mention’s rectangles', () => {
    const { text, mentions, index } = page();
    placeInRow(mentions);
    document.caretPositionFromPoint = () => ({ offsetNode: text, offset: 16 }) as unknown as CaretPosition;
    expect(mentionAtPoint(document, index, 120, 10, {} as HighlightRegistry)).toBe(1);
  });

  it('ignores a caret that snapped to a mention the pointer is not over', () => {
    const { text, mentions, index } = page();
    placeInRow(mentions);
    document.caretPositionFromPoint = () => ({ offsetNode: text, offset: 26 }) as unknown as CaretPosition;
    expect(mentionAtPoint(document, index, 170, 10, {} as HighlightRegistry)).toBeUndefined();
  });

  it('checks the pointer against a mention’s height too, not only its width', () => {
    const { text, mentions, index } = page();
    placeInRow(mentions);
    document.caretPositionFromPoint = () => ({ offsetNode: text, offset: 16 }) as unknown as CaretPosition;
    // Below the line the mention is on (its rectangle spans 0 to 20).
    expect(mentionAtPoint(document, index, 120, 30, {} as HighlightRegistry)).toBeUndefined();
  });

  it('looks at the mentions beside the one the caret snapped to', () => {
    const { text, mentions, index } = page();
    placeInRow(mentions);
    // The caret snapped to the first mention, and the pointer is over the second.
    document.caretPositionFromPoint = () => ({ offsetNode: text, offset: 2 }) as unknown as CaretPosition;
    expect(mentionAtPoint(document, index, 120, 10, {} as HighlightRegistry)).toBe(1);
  });

  it('uses the older caret call where the standard one is missing', () => {
    const { text, mentions, index } = page();
    placeInRow(mentions);
    const standard = document.caretPositionFromPoint;
    try {
      (document as { caretPositionFromPoint?: unknown }).caretPositionFromPoint = undefined;
      document.caretRangeFromPoint = () => staticRange(text, 16, 16) as unknown as Range;
      expect(mentionAtPoint(document, index, 120, 10, {} as HighlightRegistry)).toBe(1);
    } finally {
      document.caretPositionFromPoint = standard;
    }
  });

  it('does no work on a page without mentions', () => {
    const registry = { highlightsFromPoint: vi.fn(() => []) } as unknown as HighlightRegistry;
    expect(mentionAtPoint(document, new MentionIndex([]), 5, 5, registry)).toBeUndefined();
    expect(
      (registry as unknown as { highlightsFromPoint: () => [] }).highlightsFromPoint,
    ).not.toHaveBeenCalled();
  });
});
