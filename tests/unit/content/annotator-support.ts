import { Annotator } from '@/lib/content/annotator';
import type { MentionStore } from '@/lib/content/mention-store';
import type { PageBackground } from '@/lib/content/page-background';
import type { ScanResult } from '@/lib/protocol/messages';
import { DEFAULT_PREFERENCES, type Preferences } from '@/lib/protocol/preferences';
import { TestStaticRange } from '../static-range';

// happy-dom has no CSS Custom Highlight API; Chromium's is exercised by the e2e suites.
// These stand-ins only hold what the annotator registers, so its order of work can be seen.
export class TestHighlight extends Set<AbstractRange> {
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}
export const registry = new Map<string, TestHighlight>();

/** Every annotator a test starts is stopped after it, so none goes on reacting to the next test's page. */
let running = new AbortController();

/**
 * Installs the stand-ins for the highlight registry and StaticRange in the calling test file,
 * and stops its annotators after each test. `page` is each test's starting body.
 */
export function useAnnotatorPage(page: string): void {
  beforeAll(() => {
    vi.stubGlobal('CSS', { highlights: registry });
    vi.stubGlobal('Highlight', TestHighlight);
    vi.stubGlobal('StaticRange', TestStaticRange);
  });
  afterAll(() => vi.unstubAllGlobals());
  beforeEach(() => {
    registry.clear();
    document.body.innerHTML = page;
  });
  afterEach(() => {
    stopAnnotators();
    registry.set = Map.prototype.set;
  });
}

/** The signal the annotators of the running test are bound to. */
export function testSignal(): AbortSignal {
  return running.signal;
}

/** Stops every annotator started so far, as the content script's context ending would. */
export function stopAnnotators(): void {
  running.abort();
  running = new AbortController();
}

/** Records every highlight the annotator registers from now on, in order. */
export function recordPaints(): TestHighlight[] {
  const paints: TestHighlight[] = [];
  registry.set = (name, highlight) => {
    paints.push(highlight);
    return Map.prototype.set.call(registry, name, highlight) as typeof registry;
  };
  return paints;
}

/** Resolves after a task of its own, or after `ms`: mutation records are delivered by then. */
export function later(ms = 0): Promise<void> {
  return new Promise((wake) => setTimeout(wake, ms));
}

/** An annotator over this document, stopped after the test; `cap` as the page's mention cap. */
export function startAnnotator(store: MentionStore, background: PageBackground, cap?: number): Annotator {
  return new Annotator(running.signal, store, document, background, cap);
}

/** Starts an annotator over this document and resolves with its first scan's count. */
export function annotate(store: MentionStore, background: PageBackground): Promise<number> {
  return startAnnotator(store, background).refresh();
}

/** A background that records what it was asked and finds "Founding Act". */
export function fakeBackground(enabled: boolean) {
  const asked: string[] = [];
  const scanned: string[][] = [];
  /**
   * Whether the site is on, the reader's preferences, and the developers' timing switch, as
   * the background answers; a test may change them.
   */
  const answer: { enabled: boolean; preferences: Preferences; timeline?: true } = {
    enabled,
    preferences: DEFAULT_PREFERENCES,
  };
  const background: PageBackground = {
    state: async () => {
      asked.push('state');
      return {
        enabled: answer.enabled,
        preferences: answer.preferences,
        ...(answer.timeline ? { timeline: true } : {}),
      };
    },
    scan: async (_url, blocks): Promise<ScanResult> => {
      asked.push('scan');
      scanned.push(blocks);
      const mentions = blocks.flatMap((text, block) => {
        const start = text.indexOf('Founding Act');
        return start < 0 ? [] : [{ block, start, end: start + 12, cardIds: ['founding-act'] }];
      });
      return { enabled: true, mentions, cards: {}, preferences: answer.preferences };
    },
  };
  return { background, asked, scanned, answer };
}
