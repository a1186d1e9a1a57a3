// @vitest-environment happy-dom
import {
  ACTIVE_HIGHLIGHT,
  clearMentions,
  MENTION_HIGHLIGHT,
  measureRange,
  mentionRange,
  paintMentions,
} from '@/lib/content/highlights';
import { collectBlocks } from '@/lib/content/text-blocks';
import { staticRange, TestStaticRange } from '../static-range';

/** A registry like the page's, holding names only (Highlight objects do not matter here). */
function registryWith(names: string[]): Map<string, unknown> {
  return new Map(names.map((name) => [name, {}]));
}

describe('clearing the mentions', () => {
  it("removes every name of ours, including ones this copy of the script never set, and no one else's", () => {
    const registry = registryWith([MENTION_HIGHLIGHT, ACTIVE_HIGHLIGHT, 'backstory-old', 'page-own']);
    clearMentions(registry as unknown as HighlightRegistry);
    expect([...registry.keys()]).toEqual(['page-own']);
  });

  it('removes ours by name where the registry cannot be listed, as in a Firefox content script', () => {
    const registry = registryWith([MENTION_HIGHLIGHT, ACTIVE_HIGHLIGHT, 'page-own']);
    const xrayView = {
      delete: (name: string) => registry.delete(name),
      keys: () => {
        throw new Error('Xray wrapping of iterators not supported.');
      },
    };
    expect(() => clearMentions(xrayView as unknown as HighlightRegistry)).not.toThrow();
    expect([...registry.keys()]).toEqual(['page-own']);
  });
});

describe('painting the mentions', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('paints more mentions than a call can take arguments', () => {
    // A stand-in like the page's Highlight: a set of ranges.
    vi.stubGlobal(
      'Highlight',
      class extends Set<AbstractRange> {
        constructor(...ranges: AbstractRange[]) {
          super(ranges);
        }
      },
    );
    const registry = new Map<string, Set<AbstractRange>>();
    const range = new TestStaticRange({
      startContainer: document,
      startOffset: 0,
      endContainer: document,
      endOffset: 0,
    });
    const ranges = Array.from({ length: 500_000 }, () => range);
    expect(() => paintMentions(ranges, registry as unknown as HighlightRegistry)).not.toThrow();
    expect(registry.get(MENTION_HIGHLIGHT)?.size).toBe(1);
  });
});

describe('measuring a painted range', () => {
  function page() {
    document.body.innerHTML = '<p>NATO met. The Founding Act held.</p>';
    return document.querySelector('p')?.firstChild as Text;
  }

  it('measures the text under the range, and lets go of the page afterwards', () => {
    const text = page();
    let shared: Range | undefined;
    const measured = measureRange(staticRange(text, 14, 26), (live) => {
      shared = live;
      return live.toString();
    });
    expect(measured).toBe('Founding Act');
    expect(shared?.startContainer).toBe(document);
    expect(shared?.collapsed).toBe(true);
  });

  it('answers undefined, without calling back, when the text got shorter than the range', () => {
    const text = page();
    const range = staticRange(text, 14, 26);
    text.data = 'NATO met.';
    const use = vi.fn(() => 'measured');
    expect(measureRange(range, use)).toBeUndefined();
    expect(use).not.toHaveBeenCalled();
  });

  it('gives a measurement made inside another one a range of its own', () => {
    const text = page();
    const outer = measureRange(staticRange(text, 14, 26), (live) => {
      const inner = measureRange(staticRange(text, 0, 4), (other) => other.toString());
      return `${inner} / ${live.toString()}`;
    });
    expect(outer).toBe('NATO / Founding Act');
  });
});

describe('the range of a mention', () => {
  beforeAll(() => vi.stubGlobal('StaticRange', TestStaticRange));
  afterAll(() => vi.unstubAllGlobals());

  /** The block of `NATO–Russia <em>Founding</em> Act`: pieces start at 0, 12 and 20. */
  function block() {
    document.body.innerHTML = '<p>NATO–Russia <em>Founding</em> Act</p>';
    return collectBlocks(document.body);
  }
  const ends = (range: AbstractRange | undefined) =>
    range && [
      (range.startContainer as Text).data,
      range.startOffset,
      (range.endContainer as Text).data,
      range.endOffset,
    ];

  it('lies on the text nodes of its words: starting where a node starts, ending where a node ends', () => {
    const blocks = block();
    const cardIds = ['founding-act'];
    expect(ends(mentionRange(blocks, { block: 0, start: 12, end: 20, cardIds }))).toEqual([
      'Founding',
      0,
      'Founding',
      8,
    ]);
    expect(ends(mentionRange(blocks, { block: 0, start: 12, end: 24, cardIds }))).toEqual([
      'Founding',
      0,
      ' Act',
      4,
    ]);
    expect(ends(mentionRange(blocks, { block: 0, start: 5, end: 20, cardIds }))).toEqual([
      'NATO–Russia ',
      5,
      'Founding',
      8,
    ]);
  });

  it('is none when the text got shorter while the background was matching, or the block is unknown', () => {
    const blocks = block();
    const cardIds = ['founding-act'];
    (document.querySelector('em')?.firstChild as Text).data = 'F';
    expect(mentionRange(blocks, { block: 0, start: 12, end: 20, cardIds })).toBeUndefined();
    (document.querySelector('p')?.firstChild as Text).data = 'NATO';
    expect(mentionRange(blocks, { block: 0, start: 5, end: 12, cardIds })).toBeUndefined();
    expect(mentionRange(blocks, { block: 1, start: 0, end: 4, cardIds })).toBeUndefined();
  });

  it('is none when its end comes before its start', () => {
    expect(mentionRange(block(), { block: 0, start: 8, end: 4, cardIds: ['nato'] })).toBeUndefined();
  });
});
