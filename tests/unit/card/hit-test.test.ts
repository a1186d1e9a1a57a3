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

describe('finding mentions', () => {
  it('finds the mention holding a caret position', () => {
    const { text, index } = page();
    expect(index.around(text, 20)).toBe(1);
  });

  it('finds the mention before a caret position between mentions', () => {
    const { text, index } = page();
    expect(index.around(text, 30)).toBe(1);
    expect(index.around(text, 45)).toBe(2);
  });

  it('says -1 before the first mention', () => {
    const { index } = page();
    const before = document.createElement('p');
    document.body.prepend(before);
    expect(index.around(before, 0)).toBe(-1);
  });

  it('finds a mention again by its boundaries after a rescan made new ranges', () => {
    const { mentions } = page();
    const { startContainer, startOffset, endOffset } = (mentions[1] as PaintedMention).range;
    expect(findMention(mentions, staticRange(startContainer as Text, startOffset, endOffset))).toBe(1);
  });

  it('gives up, without throwing, when the text under a mention shrank before its rescan', () => {
    const { text, index } = page();
    text.data = 'NATO met.';
    expect(index.around(text, 2)).toBeUndefined();
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
