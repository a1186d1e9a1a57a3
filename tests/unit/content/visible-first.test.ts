// @vitest-environment happy-dom
import { collectBlocks, type TextBlock } from '@/lib/content/text-blocks';
import { visibleFirst } from '@/lib/content/visible-first';

/**
 * A page of `count` paragraphs of `chars` characters each, laid out 20 px apart with the
 * paragraph `top` at the viewport's top edge (happy-dom has no layout, so each says where it is).
 */
function page(count: number, chars: number, top = 0): TextBlock[] {
  document.body.innerHTML = Array.from({ length: count }, () => `<p>${'a'.repeat(chars)}</p>`).join('');
  document.querySelectorAll('p').forEach((paragraph, i) => {
    paragraph.getBoundingClientRect = () => ({ top: (i - top) * 20 }) as DOMRect;
  });
  return collectBlocks(document.body);
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('scanning what is on screen first', () => {
  it('scans a page of little text in one go, however many blocks it has', () => {
    expect(visibleFirst(page(200, 20, 100))).toEqual([range(0, 200), []]);
    expect(visibleFirst(page(10, 10_000, 5))).toEqual([range(0, 10), []]);
  });

  it('on a long page, scans first from a few blocks above the top of the viewport to many below it', () => {
    // 60,000 characters: the smallest page that is split.
    const [first, rest] = visibleFirst(page(200, 300, 100));
    expect(first).toEqual(range(95, 160));
    expect(rest).toEqual([...range(0, 95), ...range(160, 200)]);
  });

  it('starts at the top of the page when the reader has not scrolled', () => {
    expect(visibleFirst(page(200, 300, 0))[0]).toEqual(range(0, 60));
  });
});
