// @vitest-environment jsdom
// jsdom, unlike happy-dom, moves live Ranges when the text they are in changes.
import { LastShown } from '@/lib/content/card/last-shown';
import type { PaintedMention } from '@/lib/content/mention-store';
import { staticRange } from '../static-range';

/** A paragraph reading `html`, with the "NATO" at `start` remembered as the mention shown last. */
function setup(html = 'NATO said so.', start = 0) {
  document.body.innerHTML = `<p>${html}</p>`;
  const text = document.querySelector('p')?.firstChild as Text;
  const live = document.createRange();
  live.setStart(text, start);
  live.setEnd(text, start + 4);
  const last = new LastShown();
  last.set(staticRange(text, start, start + 4), live);
  return { text, last };
}

/** What a rescan paints: another mention first (so the index tells which was found), then "NATO" at `start`. */
function painted(text: Text, start: number): PaintedMention[] {
  return [
    { range: staticRange(text, 0, 0), cardIds: ['nothing'] },
    { range: staticRange(text, start, start + 4), cardIds: ['nato'] },
  ];
}

describe('the mention shown last', () => {
  it('is found where it was when the page did not touch its text', () => {
    const { text, last } = setup();
    expect(last.indexIn(painted(text, 0))).toBe(1);
  });

  it('is found after the page put text right at its start, which moves only the live end', () => {
    const { text, last } = setup();
    text.insertData(0, 'Update: ');
    expect(last.indexIn(painted(text, 8))).toBe(1);
  });

  it('is found after the page split its node at its start', () => {
    const { text, last } = setup();
    const rest = text.splitText(0);
    expect(last.indexIn(painted(rest, 0))).toBe(1);
  });

  it('is found after the page put text before it', () => {
    const { text, last } = setup('Then NATO said so.', 5);
    text.insertData(0, 'And ');
    expect(last.indexIn(painted(text, 9))).toBe(1);
  });

  it('is lost once its text was replaced whole, unless a mention is painted at its old place', () => {
    const { text, last } = setup();
    text.data = 'Nothing here.';
    expect(last.indexIn([])).toBeUndefined();
    expect(last.indexIn(painted(text, 0))).toBe(1);
    expect(new LastShown().indexIn(painted(text, 0))).toBeUndefined();
  });
});
