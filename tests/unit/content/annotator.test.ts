// @vitest-environment happy-dom
import { Annotator, type PageBackground } from '@/lib/content/annotator';
import { MENTION_HIGHLIGHT } from '@/lib/content/highlights';
import { MentionStore } from '@/lib/content/mention-store';
import type { ScanResult } from '@/lib/protocol/messages';
import { DEFAULT_PREFERENCES } from '@/lib/protocol/preferences';

// happy-dom has no CSS Custom Highlight API; Chromium's is exercised by the e2e suites.
// These stand-ins only hold what the annotator registers, so its order of work can be seen.
class TestHighlight extends Set<Range> {
  constructor(...ranges: Range[]) {
    super(ranges);
  }
}
const registry = new Map<string, TestHighlight>();

beforeAll(() => {
  vi.stubGlobal('CSS', { highlights: registry });
  vi.stubGlobal('Highlight', TestHighlight);
});
afterAll(() => vi.unstubAllGlobals());
beforeEach(() => {
  registry.clear();
  document.body.innerHTML = '<p>The Founding Act was signed in Paris.</p>';
});

/** A background that records what it was asked and finds "Founding Act". */
function fakeBackground(enabled: boolean) {
  const asked: string[] = [];
  const scanned: string[][] = [];
  const background: PageBackground = {
    state: async () => {
      asked.push('state');
      return { enabled, preferences: DEFAULT_PREFERENCES };
    },
    scan: async (_url, blocks): Promise<ScanResult> => {
      asked.push('scan');
      scanned.push(blocks);
      const start = blocks[0]?.indexOf('Founding Act') ?? -1;
      return {
        enabled: true,
        mentions: start < 0 ? [] : [{ block: 0, start, end: start + 12, cardIds: ['founding-act'] }],
        cards: {},
        preferences: DEFAULT_PREFERENCES,
      };
    },
  };
  return { background, asked, scanned };
}

describe('the annotator', () => {
  it('asks whether to read the page first, then sends the text and paints the answer', async () => {
    const { background, asked, scanned } = fakeBackground(true);
    const store = new MentionStore();
    const painted = await new Annotator(new AbortController().signal, store, document, background).refresh();
    expect(asked).toEqual(['state', 'scan']);
    expect(scanned).toEqual([['The Founding Act was signed in Paris.']]);
    expect(painted).toBe(1);
    expect([...(registry.get(MENTION_HIGHLIGHT) ?? [])].map((range) => range.toString())).toEqual([
      'Founding Act',
    ]);
    expect(store.mentions.map((m) => m.cardIds)).toEqual([['founding-act']]);
  });

  it('never sends the text of a page on a switched-off site, and paints nothing', async () => {
    const { background, asked } = fakeBackground(false);
    const store = new MentionStore();
    const painted = await new Annotator(new AbortController().signal, store, document, background).refresh();
    expect(asked).toEqual(['state']);
    expect(painted).toBe(0);
    expect(registry.size).toBe(0);
    expect(store.preferences).toEqual(DEFAULT_PREFERENCES);
  });

  it('registers no highlight and adopts no style on a page with nothing to mark', async () => {
    document.body.innerHTML = '<p>Nothing known here.</p>';
    const { background, asked } = fakeBackground(true);
    const before = document.adoptedStyleSheets.length;
    await new Annotator(new AbortController().signal, new MentionStore(), document, background).refresh();
    expect(asked).toEqual(['state', 'scan']);
    expect(registry.size).toBe(0);
    expect(document.adoptedStyleSheets.length).toBe(before);
  });
});
