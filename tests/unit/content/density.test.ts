// @vitest-environment happy-dom
import { firstPerCard } from '@/lib/content/density';
import type { PaintedMention } from '@/lib/content/mention-store';
import { staticRange } from '../static-range';

describe('painting only the first mention of each card', () => {
  const text = document.createTextNode('NATO and NATO, Kyiv and NATO');
  const mention = (start: number, end: number, ...cardIds: string[]): PaintedMention => ({
    range: staticRange(text, start, end),
    cardIds,
  });

  it('paints a mention when one of its cards is new, even if another of them was named before', () => {
    const mentions = [
      mention(0, 4, 'nato'),
      mention(9, 13, 'nato'),
      mention(15, 19, 'kyiv'),
      // A term two cards share: one of them is new here.
      mention(24, 28, 'nato', 'nato-summit'),
    ];
    expect(firstPerCard(mentions)).toEqual([mentions[0]?.range, mentions[2]?.range, mentions[3]?.range]);
  });

  it('paints nothing for no mentions', () => {
    expect(firstPerCard([])).toEqual([]);
  });
});
