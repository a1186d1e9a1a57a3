// @vitest-environment happy-dom
import { SETTLE_MS } from '@/lib/content/annotator';
import { dirtyRoots } from '@/lib/content/dirty-roots';
import { liveRange, MENTION_HIGHLIGHT } from '@/lib/content/highlights';
import { MentionStore } from '@/lib/content/mention-store';
import type { PageBackground } from '@/lib/content/page-background';
import { ANSWERED_MARK, noteMark, PAINTED_MARK, START_MARK, TIMING_KEY } from '@/lib/content/task-timing';
import { filterInSlices } from '@/lib/content/yield';
import { DEFAULT_PREFERENCES } from '@/lib/protocol/preferences';
import { makeCard } from '../factories';
import { TestStaticRange } from '../static-range';
import {
  annotate,
  fakeBackground,
  later,
  recordPaints,
  registry,
  startAnnotator,
  stopAnnotators,
  useAnnotatorPage,
} from './annotator-support';

// The mentions' look-over after a change, and the look at each batch of the page's changes,
// counted (both still do their work).
vi.mock('@/lib/content/yield', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/content/yield')>();
  return { ...actual, filterInSlices: vi.fn(actual.filterInSlices) };
});
vi.mock('@/lib/content/dirty-roots', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/content/dirty-roots')>();
  return { ...actual, dirtyRoots: vi.fn(actual.dirtyRoots) };
});

useAnnotatorPage('<p>The Founding Act was signed in Paris.</p>');

describe('the annotator', () => {
  it('asks whether to read the page first, then sends the text and paints the answer', async () => {
    const { background, asked, scanned } = fakeBackground(true);
    const store = new MentionStore();
    const painted = await annotate(store, background);
    expect(asked).toEqual(['state', 'scan']);
    expect(scanned).toEqual([['The Founding Act was signed in Paris.']]);
    expect(painted).toBe(1);
    expect([...(registry.get(MENTION_HIGHLIGHT) ?? [])].map((range) => liveRange(range)?.toString())).toEqual(
      ['Founding Act'],
    );
    expect(store.mentions.map((m) => m.cardIds)).toEqual([['founding-act']]);
  });

  it('reads the page once for a burst of refreshes: with the read they wait for, or once after the one running', async () => {
    const { background, asked } = fakeBackground(true);
    let open = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const annotator = startAnnotator(new MentionStore(), {
      ...background,
      state: async (url) => {
        const answer = background.state(url);
        await gate;
        return answer;
      },
    });
    // Asked before the first read starts: they share it.
    const first = annotator.refresh();
    const early = Array.from({ length: 20 }, () => annotator.refresh());
    expect(new Set([first, ...early]).size).toBe(1);
    await vi.waitFor(() => expect(asked).toEqual(['state']));
    // Asked while it runs (the page may have changed after it started): one more read.
    const burst = Array.from({ length: 50 }, () => annotator.refresh());
    expect(new Set(burst).size).toBe(1);
    expect(burst[0]).not.toBe(first);
    open();
    expect(await Promise.all([first, ...burst])).toEqual(Array(51).fill(1));
    expect(asked).toEqual(['state', 'scan', 'state', 'scan']);
  });

  it('marks on the page timeline when the first scan had its answer and when it was painted, once a developer asks', async () => {
    performance.clearMarks();
    forgetTiming();
    const { background, answer } = fakeBackground(true);
    answer.timeline = true;
    const annotator = startAnnotator(new MentionStore(), background);
    await annotator.refresh();
    await annotator.refresh();
    const [answered, ...moreAnswers] = performance.getEntriesByName(ANSWERED_MARK);
    const [painted, ...morePaints] = performance.getEntriesByName(PAINTED_MARK);
    // Only the first scan leaves marks.
    expect([moreAnswers, morePaints]).toEqual([[], []]);
    expect(answered?.startTime).toBeLessThanOrEqual(painted?.startTime ?? Number.NaN);
  });

  it("leaves nothing on the page's timeline for a reader: the page's scripts read it", async () => {
    performance.clearMarks();
    performance.clearMeasures();
    forgetTiming();
    noteMark(START_MARK);
    const { background } = fakeBackground(true);
    document.body.innerHTML = '<p>The Founding Act was signed.</p>';
    expect(await annotate(new MentionStore(), background)).toBe(1);
    const ours = performance.getEntries().filter((entry) => entry.name.startsWith('backstory'));
    expect(ours).toEqual([]);
  });

  it('never sends the text of a page on a switched-off site, and paints nothing', async () => {
    const { background, asked } = fakeBackground(false);
    const store = new MentionStore();
    const painted = await annotate(store, background);
    expect(asked).toEqual(['state']);
    expect(painted).toBe(0);
    expect(registry.size).toBe(0);
    expect(store.preferences).toEqual(DEFAULT_PREFERENCES);
  });

  it('sends nothing when the content script ended while it asked whether to read the page', async () => {
    const { background, asked } = fakeBackground(true);
    const ending = {
      ...background,
      state: async (url: string) => {
        const state = await background.state(url);
        stopAnnotators();
        return state;
      },
    };
    expect(await annotate(new MentionStore(), ending)).toBe(0);
    expect(asked).toEqual(['state']);
  });

  it('stops watching the page while Backstory is off there (paused, or the site switched off), and watches again once on', async () => {
    const { background, answer, asked } = fakeBackground(true);
    const store = new MentionStore();
    const annotator = startAnnotator(store, background);
    expect(await annotator.refresh()).toBe(1);
    answer.enabled = false;
    expect(await annotator.refresh()).toBe(0);
    const looks = vi.mocked(dirtyRoots);
    looks.mockClear();
    const askedBefore = asked.length;
    document.body.insertAdjacentHTML('beforeend', '<p>The Founding Act, added while off.</p>');
    await later(SETTLE_MS + 100);
    // Not even the batch of changes was looked at: the watch is off, not just its answers.
    expect(looks).not.toHaveBeenCalled();
    expect(asked.length).toBe(askedBefore);
    expect(registry.get(MENTION_HIGHLIGHT)).toBeUndefined();
    answer.enabled = true;
    expect(await annotator.refresh()).toBe(2);
    document.body.insertAdjacentHTML('beforeend', '<p>The Founding Act, added once on.</p>');
    await vi.waitFor(() => expect(store.mentions).toHaveLength(3), { timeout: 2000 });
    expect(looks).toHaveBeenCalled();
  });

  it('reads a page that had no body once its script puts one in', async () => {
    const { background, asked } = fakeBackground(true);
    const store = new MentionStore();
    document.body.remove();
    try {
      expect(await annotate(store, background)).toBe(0);
      // Nothing to read, so nothing asked.
      expect(asked).toEqual([]);
      document.head.append(document.createElement('script'));
      await later(SETTLE_MS);
      expect(asked).toEqual([]);
      const body = document.createElement('body');
      body.innerHTML = '<p>The Founding Act, in a body built late.</p>';
      document.documentElement.append(body);
      await vi.waitFor(() => expect(store.mentions).toHaveLength(1), { timeout: 2000 });
      expect(asked).toEqual(['state', 'scan']);
    } finally {
      if (!document.body) document.documentElement.append(document.createElement('body'));
    }
  });

  it('takes every mention off when a refresh finds no text left on the page', async () => {
    const { background } = fakeBackground(true);
    const store = new MentionStore();
    const annotator = startAnnotator(store, background);
    expect(await annotator.refresh()).toBe(1);
    document.body.innerHTML = '<img alt="">';
    expect(await annotator.refresh()).toBe(0);
    expect(store.mentions).toEqual([]);
    expect(registry.get(MENTION_HIGHLIGHT)?.size).toBe(0);
  });

  it('takes the mentions out of the store when the site is switched off', async () => {
    const { background, answer } = fakeBackground(true);
    const store = new MentionStore();
    const annotator = startAnnotator(store, background);
    expect(await annotator.refresh()).toBe(1);
    // A card the reader holds open (pinned, say): its cards go with the mentions.
    store.setShown(['founding-act']);
    answer.enabled = false;
    await annotator.refresh();
    expect(store.mentions).toEqual([]);
    expect([...store.gone]).toEqual(['founding-act']);
  });

  it('reads again only what changed since the last rescan', async () => {
    document.body.innerHTML = '<p>The Founding Act was signed in Paris.</p><p>Draft one</p><p>Draft two</p>';
    const { background, scanned } = fakeBackground(true);
    await annotate(new MentionStore(), background);
    const [, one, two] = [...document.querySelectorAll('p')].map((p) => p.firstChild as Text);
    (one as Text).data = 'Draft one, edited';
    await vi.waitFor(() => expect(scanned).toHaveLength(2), { timeout: 2000 });
    (two as Text).data = 'Draft two, edited';
    await vi.waitFor(() => expect(scanned).toHaveLength(3), { timeout: 2000 });
    expect(scanned.slice(1)).toEqual([['Draft one, edited'], ['Draft two, edited']]);
  });

  it('asks every scan for the cards open on the page, and tells the store which of them are gone', async () => {
    const { background } = fakeBackground(true);
    const asked: (readonly string[])[] = [];
    /** The cards the background still has: "nato" is deleted after the first scan. */
    const existing = new Set(['founding-act', 'nato']);
    const store = new MentionStore();
    const annotator = startAnnotator(store, {
      ...background,
      scan: async (url, blocks, shown) => {
        asked.push(shown);
        const result = await background.scan(url, blocks, shown);
        for (const id of shown) if (existing.has(id)) result.cards[id] = makeCard({ id });
        return { ...result, gone: shown.filter((id) => !existing.has(id)) };
      },
    });
    await annotator.refresh();
    expect(asked).toEqual([[]]);
    expect(store.gone).toEqual(new Set());
    store.setShown(['nato', 'founding-act']);
    await annotator.refresh();
    expect(asked[1]).toEqual(['nato', 'founding-act']);
    expect(Object.keys(store.cards).sort()).toEqual(['founding-act', 'nato']);
    expect(store.gone).toEqual(new Set());
    existing.delete('nato');
    await annotator.refresh();
    expect(Object.keys(store.cards)).toEqual(['founding-act']);
    expect(store.gone).toEqual(new Set(['nato']));
  });

  it('registers no highlight and adds no style on a page with nothing to mark', async () => {
    document.body.innerHTML = '<p>Nothing known here.</p>';
    const { background, asked } = fakeBackground(true);
    const sheets = () => [
      document.adoptedStyleSheets.length,
      document.querySelectorAll('style, link').length,
    ];
    const before = sheets();
    await annotate(new MentionStore(), background);
    expect(asked).toEqual(['state', 'scan']);
    expect(registry.size).toBe(0);
    // The highlight style comes with the manifest: nothing of ours is added to the page for it.
    expect(sheets()).toEqual(before);
  });

  it('paints static ranges, which the page’s own changes to the DOM do not have to update', async () => {
    const { background } = fakeBackground(true);
    await annotate(new MentionStore(), background);
    const painted = [...(registry.get(MENTION_HIGHLIGHT) ?? [])];
    expect(painted).toHaveLength(1);
    expect(painted[0]).toBeInstanceOf(TestStaticRange);
  });

  it('after a change elsewhere, keeps the mentions it did not touch and adds the new ones in page order', async () => {
    const { background, scanned } = fakeBackground(true);
    const store = new MentionStore();
    await annotate(store, background);
    const before = store.mentions[0]?.range;
    const added = document.createElement('p');
    added.textContent = 'First, the Founding Act.';
    document.body.prepend(added);
    await vi.waitFor(() => expect(store.mentions).toHaveLength(2), { timeout: 2000 });
    stopAnnotators();
    expect(scanned.at(-1)).toEqual(['First, the Founding Act.']);
    expect(store.mentions[0]?.range.startContainer).toBe(added.firstChild);
    expect(store.mentions[1]?.range).toBe(before);
  });

  it('reads a section once when the page adds it and, in a later task, a paragraph inside it', async () => {
    const { background, scanned } = fakeBackground(true);
    const store = new MentionStore();
    await annotate(store, background);
    const section = document.createElement('div');
    section.innerHTML = '<p>First, the Founding Act.</p>';
    document.body.append(section);
    await later(); // another task: another batch of records, before the rescan
    const then = document.createElement('p');
    then.textContent = 'Then the Founding Act again.';
    section.append(then);
    await vi.waitFor(() => expect(store.mentions.length).toBeGreaterThan(1), { timeout: 2000 });
    await later(SETTLE_MS + 150);
    stopAnnotators();
    // Both batches went into one rescan, which read the section, the new paragraph with it, once.
    expect(scanned.slice(1)).toEqual([['First, the Founding Act.', 'Then the Founding Act again.']]);
    expect(store.mentions.map((m) => (m.range.startContainer as Text).data)).toEqual([
      'The Founding Act was signed in Paris.',
      'First, the Founding Act.',
      'Then the Founding Act again.',
    ]);
  });

  it('reads a ticking clock at most once per settling delay, only its own line, and repaints nothing for it', async () => {
    document.body.innerHTML =
      '<p>The Founding Act was signed in Paris.</p><p>Updated <span>0</span> s ago</p>';
    const { background, scanned } = fakeBackground(true);
    const store = new MentionStore();
    const paints = recordPaints();
    await annotate(store, background);
    expect(paints).toHaveLength(1);
    const clock = document.querySelector('span')?.firstChild as Text;
    const ticks = 60;
    const started = performance.now();
    for (let i = 1; i <= ticks; i++) {
      clock.data = String(i);
      await new Promise((wake) => setTimeout(wake, 20));
    }
    const ticking = performance.now() - started;
    await new Promise((wake) => setTimeout(wake, 400));
    stopAnnotators();
    const rescans = scanned.slice(1);
    // At most one rescan per settling delay however fast it ticks, each of the clock's line alone.
    expect(rescans.length).toBeGreaterThan(0);
    expect(rescans.length).toBeLessThanOrEqual(Math.ceil(ticking / SETTLE_MS) + 1);
    for (const blocks of rescans) expect(blocks).toEqual([expect.stringMatching(/^Updated \d+ s ago$/)]);
    expect(paints).toHaveLength(1);
    expect(store.mentions).toHaveLength(1);
  });

  it('takes off the mentions of a paragraph the page removed, reading nothing', async () => {
    document.body.innerHTML = '<p>The Founding Act was signed in Paris.</p><p>The Founding Act, again.</p>';
    const { background, scanned } = fakeBackground(true);
    const store = new MentionStore();
    await annotate(store, background);
    const paints = recordPaints();
    document.querySelectorAll('p')[1]?.remove();
    await vi.waitFor(() => expect(store.mentions).toHaveLength(1), { timeout: 2000 });
    expect(scanned).toHaveLength(1);
    expect([...(paints.at(-1) ?? [])]).toEqual([store.mentions[0]?.range]);
  });

  it('does not look over its mentions when only the card host, a script or a comment went', async () => {
    document.body.innerHTML = '<p>The Founding Act was signed in Paris.</p><p>The Founding Act, again.</p>';
    const { background } = fakeBackground(true);
    const store = new MentionStore();
    await annotate(store, background);
    const lookOvers = vi.mocked(filterInSlices);
    lookOvers.mockClear();
    // A card opened and closed; a page's script and comment came and went.
    const host = document.createElement('backstory-card');
    document.documentElement.append(host);
    const script = document.createElement('script');
    document.body.append(script, document.createComment('ad'));
    await later(SETTLE_MS + 100);
    host.remove();
    script.remove();
    document.body.lastChild?.remove();
    await later(SETTLE_MS + 100);
    expect(lookOvers).not.toHaveBeenCalled();
    // Text taken out is looked over, and its mention goes.
    document.querySelectorAll('p')[1]?.remove();
    await vi.waitFor(() => expect(store.mentions).toHaveLength(1), { timeout: 2000 });
    expect(lookOvers).toHaveBeenCalledTimes(1);
  });

  it('lists the mentions of a long page in page order, though it scans the ones on screen first', async () => {
    // 200 paragraphs of 300 characters: long enough to scan the screen first. happy-dom has no
    // layout, so each paragraph says where it is: the 100th is at the top of the viewport.
    const text = `The Founding Act ${'x'.repeat(283)}`;
    document.body.innerHTML = Array.from({ length: 200 }, () => `<p>${text}</p>`).join('');
    const paragraphs = [...document.querySelectorAll('p')];
    paragraphs.forEach((paragraph, i) => {
      paragraph.getBoundingClientRect = () => ({ top: (i - 100) * 20 }) as DOMRect;
    });
    const { background, scanned } = fakeBackground(true);
    const store = new MentionStore();
    expect(await annotate(store, background)).toBe(200);
    expect(scanned.map((blocks) => blocks.length)).toEqual([65, 135]);
    const order = store.mentions.map((m) =>
      paragraphs.indexOf(m.range.startContainer.parentNode as HTMLParagraphElement),
    );
    expect(order).toEqual(paragraphs.map((_, i) => i));
  });

  it('takes the highlight off when the text of the last mention changes', async () => {
    const { background } = fakeBackground(true);
    const store = new MentionStore();
    await annotate(store, background);
    expect(registry.get(MENTION_HIGHLIGHT)?.size).toBe(1);
    (document.querySelector('p')?.firstChild as Text).data = 'Signed in Paris.';
    await vi.waitFor(() => expect(store.mentions).toHaveLength(0), { timeout: 2000 });
    expect(registry.get(MENTION_HIGHLIGHT)?.size).toBe(0);
  });

  it('paints only the first mention of each card when the reader asks for that, and keeps them all', async () => {
    document.body.innerHTML = '<p>The Founding Act was signed in Paris.</p><p>The Founding Act, again.</p>';
    const { background, answer } = fakeBackground(true);
    answer.preferences = { ...DEFAULT_PREFERENCES, density: 'first' };
    const store = new MentionStore();
    await annotate(store, background);
    expect(store.mentions).toHaveLength(2);
    expect([...(registry.get(MENTION_HIGHLIGHT) ?? [])]).toEqual([store.mentions[0]?.range]);
  });

  it('with only first mentions painted, also paints a later one that brings a card not seen yet', async () => {
    document.body.innerHTML = '<p>The Founding Act was signed in Paris.</p><p>The Founding Act, again.</p>';
    const { background, answer } = fakeBackground(true);
    answer.preferences = { ...DEFAULT_PREFERENCES, density: 'first' };
    // The second mention refers to a second card too, which shares the term.
    const shared = {
      ...background,
      scan: async (url: string, blocks: string[]) => {
        const result = await background.scan(url, blocks, []);
        const second = result.mentions[1];
        if (second) second.cardIds = ['founding-act', 'nato-russia'];
        return result;
      },
    };
    const store = new MentionStore();
    await annotate(store, shared);
    expect(registry.get(MENTION_HIGHLIGHT)?.size).toBe(2);
  });

  it('repaints when only the preferences a rescan brings changed', async () => {
    document.body.innerHTML =
      '<p>The Founding Act was signed in Paris.</p><p>Updated <span>0</span> s ago</p>';
    const { background, answer } = fakeBackground(true);
    const store = new MentionStore();
    await annotate(store, background);
    answer.preferences = { ...DEFAULT_PREFERENCES, density: 'first' };
    (document.querySelector('span')?.firstChild as Text).data = '1';
    await vi.waitFor(() => expect(store.preferences.density).toBe('first'), { timeout: 2000 });
  });

  it('follows text edited inside an open shadow root, which a watch on the page does not see', async () => {
    document.body.innerHTML = '<p>Signed in Paris.</p><x-quote></x-quote>';
    const host = document.querySelector('x-quote') as HTMLElement;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>The Founding Act holds.</p>';
    const { background } = fakeBackground(true);
    const store = new MentionStore();
    await annotate(store, background);
    expect(store.mentions).toHaveLength(1);
    const quoted = shadow.querySelector('p')?.firstChild as Text;
    quoted.insertData(0, 'Look: ');
    await vi.waitFor(() => expect(store.mentions[0]?.range.startOffset).toBe(10), { timeout: 2000 });
    expect(store.mentions).toHaveLength(1);
    expect(liveRange(store.mentions[0]?.range as AbstractRange)?.toString()).toBe('Founding Act');
  });

  it('reads a component again with the block around it, without keeping its old mentions', async () => {
    document.body.innerHTML = '<p>Updated <span>0</span> s ago: <x-quote></x-quote></p>';
    const host = document.querySelector('x-quote') as HTMLElement;
    host.attachShadow({ mode: 'open' }).innerHTML = 'the Founding Act holds';
    const { background, scanned } = fakeBackground(true);
    const store = new MentionStore();
    await annotate(store, background);
    expect(store.mentions).toHaveLength(1);
    const clock = document.querySelector('span')?.firstChild as Text;
    for (const tick of ['1', '2', '3']) {
      const scans = scanned.length;
      clock.data = tick;
      await vi.waitFor(() => expect(scanned.length).toBe(scans + 1), { timeout: 2000 });
      await later(20);
      expect(store.mentions).toHaveLength(1);
    }
  });

  it('keeps the mentions of a standard element’s shadow root when the element gets children to read instead', async () => {
    document.body.innerHTML = '<div id="host"></div>';
    const host = document.getElementById('host') as HTMLElement;
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>The Founding Act holds.</p>';
    const { background } = fakeBackground(true);
    const store = new MentionStore();
    await annotate(store, background);
    expect(store.mentions).toHaveLength(1);
    const slotted = document.createElement('span');
    slotted.textContent = 'slotted';
    host.append(slotted);
    await later(SETTLE_MS + 300);
    expect(store.mentions).toHaveLength(1);
  });

  it('does not read a change it saw just before the site was switched off', async () => {
    document.body.innerHTML = '<p>The Founding Act was signed in Paris.</p><p>Draft</p>';
    const { background, answer, scanned } = fakeBackground(true);
    const annotator = startAnnotator(new MentionStore(), background);
    await annotator.refresh();
    (document.querySelectorAll('p')[1]?.firstChild as Text).data = 'Secret';
    answer.enabled = false;
    await annotator.refresh();
    await later(SETTLE_MS + 300);
    expect(scanned.flat()).not.toContain('Secret');
  });

  it('drops the mention whose text the page changed, and reads that text again', async () => {
    const { background } = fakeBackground(true);
    const store = new MentionStore();
    await annotate(store, background);
    const text = document.querySelector('p')?.firstChild as Text;
    text.data = 'Signed in Paris.';
    await vi.waitFor(() => expect(store.mentions).toHaveLength(0), { timeout: 2000 });
    text.data = 'Later: the Founding Act.';
    await vi.waitFor(() => expect(store.mentions).toHaveLength(1), { timeout: 2000 });
    stopAnnotators();
    const range = store.mentions[0]?.range as AbstractRange;
    expect(liveRange(range)?.toString()).toBe('Founding Act');
  });

  it('reads only a clock’s own element when it ticks right under the body, and keeps the other mentions', async () => {
    const paragraphs = Array.from({ length: 50 }, (_, i) => `<p>Paragraph ${i}, the Founding Act.</p>`).join(
      '',
    );
    document.body.innerHTML = `${paragraphs}Updated <span><b>12:00</b></span>`;
    const { background, scanned } = fakeBackground(true);
    const store = new MentionStore();
    await annotate(store, background);
    const before = store.mentions.map((m) => m.range);
    (document.querySelector('b')?.firstChild as Text).data = '12:01';
    await vi.waitFor(() => expect(scanned).toHaveLength(2), { timeout: 2000 });
    expect(scanned[1]).toEqual(['12:01']);
    expect(store.mentions.map((m) => m.range)).toEqual(before);
  });

  it('lists the mentions in a component’s shadow root in page order after the first read', async () => {
    document.body.innerHTML = '<p>one Founding Act</p><x-quote></x-quote><p>three Founding Act</p>';
    (document.querySelector('x-quote') as HTMLElement).attachShadow({ mode: 'open' }).innerHTML =
      '<p>two Founding Act</p>';
    const { background } = fakeBackground(true);
    const store = new MentionStore();
    await annotate(store, background);
    expect(store.mentions.map((m) => (m.range.startContainer as Text).data.split(' ')[0])).toEqual([
      'one',
      'two',
      'three',
    ]);
  });

  it('drops the mentions of text that becomes editable, and reads it again when it stops being', async () => {
    document.body.innerHTML = '<div><p>The Founding Act was signed in Paris.</p></div>';
    const { background } = fakeBackground(true);
    const store = new MentionStore();
    await annotate(store, background);
    const editor = document.querySelector('div') as HTMLElement;
    editor.setAttribute('contenteditable', 'true');
    await vi.waitFor(() => expect(store.mentions).toEqual([]), { timeout: 2000 });
    editor.removeAttribute('contenteditable');
    await vi.waitFor(() => expect(store.mentions).toHaveLength(1), { timeout: 2000 });
  });

  it('drops the mentions of a paragraph the page moves into an editor', async () => {
    document.body.innerHTML = '<p>The Founding Act was signed.</p><div contenteditable="true"></div>';
    const { background } = fakeBackground(true);
    const store = new MentionStore();
    await annotate(store, background);
    expect(store.mentions).toHaveLength(1);
    document.querySelector('div')?.append(document.querySelector('p') as HTMLElement);
    await vi.waitFor(() => expect(store.mentions).toEqual([]), { timeout: 2000 });
  });

  it('keeps following a page that replaces its root element', async () => {
    document.body.innerHTML = '<p>Signed.</p>';
    const { background } = fakeBackground(true);
    const store = new MentionStore();
    await annotate(store, background);
    const html = document.createElement('html');
    html.innerHTML = '<head></head><body><p>The Founding Act.</p></body>';
    const old = document.documentElement;
    try {
      old.remove();
      document.append(html);
      await vi.waitFor(() => expect(store.mentions).toHaveLength(1), { timeout: 2000 });
    } finally {
      stopAnnotators();
      html.remove();
      document.append(old);
    }
  });

  it('gives the page its turn between changed blocks when thousands changed at once', async () => {
    document.body.innerHTML = '<ul></ul>';
    const { background, scanned } = fakeBackground(true);
    await annotate(new MentionStore(), background);
    const items = document.createDocumentFragment();
    for (let i = 0; i < 2000; i++)
      items.append(Object.assign(document.createElement('li'), { textContent: `Item ${i}` }));
    document.querySelector('ul')?.append(items);
    await later(SETTLE_MS - 50);
    // A clock that moves 1 ms at each look, so the slice's 8 ms run out after a few blocks,
    // and notes which of the page's turns each look came in.
    let clock = performance.now();
    let turns = 0;
    const looks = new Set<number>();
    vi.spyOn(performance, 'now').mockImplementation(() => {
      looks.add(turns);
      return ++clock;
    });
    let reading = true;
    const pageTask = () => {
      turns++;
      if (reading) setTimeout(pageTask, 0);
    };
    setTimeout(pageTask, 0);
    try {
      // The empty list gave the first read nothing to send: this is the rescan's.
      await vi.waitFor(() => expect(scanned).toHaveLength(1), { timeout: 10_000 });
    } finally {
      reading = false;
      vi.restoreAllMocks();
    }
    expect(scanned[0]).toHaveLength(2000);
    // The 2,000 blocks were read in many slices, with the page's own tasks between them.
    expect(looks.size).toBeGreaterThan(20);
  }, 20_000);

  describe('a card the reader hid on the site from this page', () => {
    /** A background whose scans wait for `release` while `held`, and which leaves out the cards in `hidden`. */
    function holdingBackground() {
      const { background, scanned } = fakeBackground(true);
      const hidden = new Set<string>();
      const gate = { held: false, waiting: false, release: () => {} };
      const holding: PageBackground = {
        ...background,
        scan: async (url, blocks, shown) => {
          // What the background knows when the scan reaches it, not when it answers.
          const known = new Set(hidden);
          const result = await background.scan(url, blocks, shown);
          if (gate.held) {
            gate.waiting = true;
            await new Promise<void>((go) => (gate.release = go));
            gate.waiting = false;
          }
          return {
            ...result,
            mentions: result.mentions.filter((m) => !m.cardIds.some((id) => known.has(id))),
          };
        },
      };
      return { background: holding, scanned, hidden, gate };
    }

    const paintedTexts = () =>
      [...(registry.get(MENTION_HIGHLIGHT) ?? [])].map((range) => liveRange(range)?.toString());

    it('loses its mentions at once, and an answer to a scan sent before the choice does not paint them again', async () => {
      const { background, scanned, hidden, gate } = holdingBackground();
      const store = new MentionStore();
      const annotator = startAnnotator(store, background);
      await annotator.refresh();
      expect(paintedTexts()).toEqual(['Founding Act']);
      // The page adds a paragraph; its scan reaches the background before the choice is stored.
      gate.held = true;
      const added = document.createElement('p');
      added.textContent = 'More on the Founding Act.';
      document.body.append(added);
      await vi.waitFor(() => expect(gate.waiting).toBe(true), { timeout: 2000 });
      expect(scanned).toHaveLength(2);
      hidden.add('founding-act');
      annotator.hideCard('founding-act');
      expect(store.mentions).toEqual([]);
      expect(paintedTexts()).toEqual([]);
      gate.held = false;
      gate.release();
      await later();
      expect(store.mentions).toEqual([]);
      expect(paintedTexts()).toEqual([]);
      // The page is read again, and the background leaves the card out itself.
      expect(await annotator.refresh()).toBe(0);
    });

    it('comes back at the next full read once the background marks it again (shown again from the popup)', async () => {
      const { background, hidden } = holdingBackground();
      const store = new MentionStore();
      const annotator = startAnnotator(store, background);
      await annotator.refresh();
      hidden.add('founding-act');
      annotator.hideCard('founding-act');
      expect(await annotator.refresh()).toBe(0);
      hidden.delete('founding-act');
      expect(await annotator.refresh()).toBe(1);
      expect(paintedTexts()).toEqual(['Founding Act']);
      // And text the page adds later is marked again too.
      const added = document.createElement('p');
      added.textContent = 'More on the Founding Act.';
      document.body.append(added);
      await vi.waitFor(() => expect(store.mentions).toHaveLength(2), { timeout: 2000 });
    });

    it('stays off through a full read that was under way when it was hidden', async () => {
      document.body.innerHTML =
        '<p>The Founding Act was signed in Paris.</p><p>NATO and the Founding Act.</p>';
      const { background, hidden, gate } = holdingBackground();
      const store = new MentionStore();
      const annotator = startAnnotator(store, background);
      gate.held = true;
      const first = annotator.refresh();
      await vi.waitFor(() => expect(gate.waiting).toBe(true), { timeout: 2000 });
      hidden.add('founding-act');
      annotator.hideCard('founding-act');
      gate.held = false;
      gate.release();
      expect(await first).toBe(0);
      expect(paintedTexts()).toEqual([]);
    });

    it('keeps a mention that other cards share, with those cards only', async () => {
      const { background } = fakeBackground(true);
      const store = new MentionStore();
      const annotator = startAnnotator(store, {
        ...background,
        scan: async (url, blocks, shown) => {
          const result = await background.scan(url, blocks, shown);
          return {
            ...result,
            mentions: result.mentions.map((m) => ({ ...m, cardIds: ['founding-act', 'nato-act'] })),
          };
        },
      });
      await annotator.refresh();
      annotator.hideCard('founding-act');
      expect(store.mentions.map((m) => m.cardIds)).toEqual([['nato-act']]);
      expect(paintedTexts()).toEqual(['Founding Act']);
    });
  });
});

/** Starts this document's timing afresh, as a new page would, undecided and empty. */
function forgetTiming(): void {
  delete (globalThis as Record<symbol, unknown>)[TIMING_KEY];
}
