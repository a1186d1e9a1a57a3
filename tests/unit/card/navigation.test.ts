import { type MentionBox, pickMention } from '@/lib/content/card/navigation';

// Five mentions stacked 100 px apart; the viewport is 250 px high and scrolled to 150.
const tops = [0, 100, 200, 300, 400].map((top) => top - 150);
const boxes =
  (hidden: number[] = []) =>
  (i: number): MentionBox => {
    const top = tops[i];
    return top === undefined || hidden.includes(i) ? undefined : { top, bottom: top + 20 };
  };

describe('picking the mention to move to', () => {
  it('moves to the next mention after the current one', () => {
    expect(pickMention('next', 5, boxes(), 250, 1)).toBe(2);
  });

  it('moves to the previous mention before the current one', () => {
    expect(pickMention('previous', 5, boxes(), 250, 3)).toBe(2);
  });

  it('skips mentions that are not rendered', () => {
    expect(pickMention('next', 5, boxes([2, 3]), 250, 1)).toBe(4);
  });

  it('stops at the last mention instead of wrapping', () => {
    expect(pickMention('next', 5, boxes(), 250, 4)).toBeUndefined();
    expect(pickMention('previous', 5, boxes(), 250, 0)).toBeUndefined();
  });

  it('starts from the first mention not above the viewport when none is current', () => {
    expect(pickMention('next', 5, boxes(), 250)).toBe(2);
  });

  it('starts from the last mention not below the viewport when none is current', () => {
    expect(pickMention('previous', 5, boxes(), 250)).toBe(3);
  });

  it('finds nothing on a page without mentions', () => {
    expect(pickMention('next', 0, boxes(), 250)).toBeUndefined();
  });
});
