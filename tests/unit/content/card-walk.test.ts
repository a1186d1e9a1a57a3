import type { MentionPlace } from '@/lib/content/card/mention-visibility';
import { type MentionBox, pickMention, WALK_BUDGET_MS } from '@/lib/content/card/navigation';

// Six mentions stacked 100 px apart; the viewport is 250 px high and scrolled to 150, so
// mentions 2 and 3 are in view.
const tops = [0, 100, 200, 300, 400, 500].map((top) => top - 150);
const boxOf = (i: number): MentionBox => {
  const top = tops[i];
  return top === undefined ? undefined : { top, bottom: top + 20 };
};

/** Where each mention is for the reader, with a log of which ones were asked about. */
function places(byIndex: Record<number, MentionPlace>) {
  const asked: number[] = [];
  const placeOf = (i: number): MentionPlace => {
    asked.push(i);
    return byIndex[i] ?? 'flow';
  };
  return { placeOf, asked };
}

describe('the keyboard walk over mentions the reader may not see', () => {
  it('steps over hidden mentions in either direction', () => {
    const { placeOf } = places({ 1: 'hidden', 2: 'hidden', 3: 'hidden' });
    expect(pickMention('next', 6, boxOf, 250, 0, placeOf)).toBe(4);
    expect(pickMention('previous', 6, boxOf, 250, 4, placeOf)).toBe(0);
  });

  it('finds nothing when every mention left that way is hidden', () => {
    const { placeOf } = places({ 4: 'hidden', 5: 'hidden' });
    expect(pickMention('next', 6, boxOf, 250, 3, placeOf)).toBeUndefined();
  });

  it('moves onto a mention in a fixed or sticky header from its neighbour', () => {
    const { placeOf } = places({ 0: 'fixed' });
    expect(pickMention('previous', 6, boxOf, 250, 1, placeOf)).toBe(0);
  });

  it('starts from the viewport at the first mention in the reading flow, past hidden and fixed ones', () => {
    const { placeOf } = places({ 2: 'fixed', 3: 'hidden' });
    expect(pickMention('next', 6, boxOf, 250, undefined, placeOf)).toBe(4);
    expect(pickMention('previous', 6, boxOf, 250, undefined, places({ 3: 'fixed' }).placeOf)).toBe(2);
  });

  it('asks where a mention is only for the candidates, up to the first that fits', () => {
    const { placeOf, asked } = places({ 2: 'fixed' });
    expect(pickMention('next', 6, boxOf, 250, undefined, placeOf)).toBe(3);
    // Mentions 0 and 1 are above the viewport: measured, never looked at closely.
    expect(asked).toEqual([2, 3]);
  });

  it('stops looking through a long run of hidden mentions once its time is spent, and says where to go on', () => {
    // A thousand mentions in the viewport, all in a closed menu; each look takes 1 ms.
    const hidden = places(Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [i, 'hidden'])));
    const inView = (): MentionBox => ({ top: 10, bottom: 30 });
    let time = 0;
    const clock = () => {
      time += 1;
      return time;
    };
    const resume: { at?: number } = {};
    expect(pickMention('next', 1000, inView, 250, 0, hidden.placeOf, clock, resume)).toBeUndefined();
    expect(hidden.asked.length).toBeLessThanOrEqual(WALK_BUDGET_MS + 1);
    expect(resume.at).toBe((hidden.asked.at(-1) ?? 0) + 1);
    hidden.asked.length = 0;
    const fromView: { at?: number } = {};
    expect(
      pickMention('next', 1000, inView, 250, undefined, hidden.placeOf, clock, fromView),
    ).toBeUndefined();
    expect(hidden.asked.length).toBeLessThanOrEqual(WALK_BUDGET_MS + 1);
    // Going on from there looks at the next ones, not the first again.
    const next = fromView.at ?? 0;
    hidden.asked.length = 0;
    pickMention('next', 1000, inView, 250, undefined, hidden.placeOf, clock, {}, next);
    expect(hidden.asked[0]).toBe(next);
  });

  it('says nothing of where to go on when it reaches the end in time', () => {
    const resume: { at?: number } = {};
    expect(pickMention('next', 6, boxOf, 250, 4, () => 'hidden', undefined, resume)).toBeUndefined();
    expect(resume.at).toBeUndefined();
  });

  it('still finds a visible mention past hidden ones within its time', () => {
    const { placeOf } = places({ 1: 'hidden', 2: 'hidden' });
    let time = 0;
    expect(pickMention('next', 6, boxOf, 250, 0, placeOf, () => time++)).toBe(3);
  });
});
