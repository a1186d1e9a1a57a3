// @vitest-environment happy-dom
import { SETTLE_MS } from '@/lib/content/annotator';
import { MentionStore } from '@/lib/content/mention-store';
import { annotate, fakeBackground, later, stopAnnotators, useAnnotatorPage } from './annotator-support';

const many = Array.from({ length: 300 }, (_, i) => `<p>Founding Act ${i}</p>`).join('');
useAnnotatorPage(`${many}<div id="t"><p id="edited">Nothing yet.</p></div>`);

/**
 * Lets the rescan's settle time pass with a clock that runs fast, so its check of the 300
 * mentions gives the page time at its first look at the clock; `pageTask` is queued then,
 * as a task of the page's own. Returns how many times the clock was read.
 */
async function settleWithPageTask(pageTask: () => void): Promise<number> {
  let calls = 0;
  const real = performance.now.bind(performance);
  vi.spyOn(performance, 'now').mockImplementation(() => {
    if (calls++ === 0) setTimeout(pageTask, 0);
    return real() + calls * 100;
  });
  try {
    await later(SETTLE_MS + 80);
  } finally {
    vi.restoreAllMocks();
  }
  return calls;
}

describe('a rescan that gives the page time while it checks the painted mentions', () => {
  it('does not read a changed block that the page took out meanwhile', async () => {
    const { background, scanned } = fakeBackground(true);
    const store = new MentionStore();
    expect(await annotate(store, background)).toBe(300);
    const target = document.getElementById('t') as HTMLElement;
    (document.getElementById('edited')?.firstChild as Text).data = 'The Founding Act, edited.';
    await later();
    // The page's task takes the block out while the rescan gives the page time.
    expect(await settleWithPageTask(() => target.remove())).toBeGreaterThan(1);
    expect(target.isConnected).toBe(false);
    expect(scanned.flat()).not.toContain('The Founding Act, edited.');
    expect(store.mentions.filter((m) => !m.range.startContainer.isConnected)).toEqual([]);
  });

  it('sends nothing more once the content script ended while it gave the page time', async () => {
    const { background, scanned } = fakeBackground(true);
    expect(await annotate(new MentionStore(), background)).toBe(300);
    (document.getElementById('edited')?.firstChild as Text).data = 'The Founding Act, edited.';
    await later();
    // This time the page's task ends the content script (an update, say).
    expect(await settleWithPageTask(stopAnnotators)).toBeGreaterThan(1);
    expect(scanned).toHaveLength(1);
  });
});

describe('a rescan that adds a mention to a page of many', () => {
  it('finds the new mention its place without comparing it with every other', async () => {
    const store = new MentionStore();
    expect(await annotate(store, fakeBackground(true).background)).toBe(300);
    const compare = vi.spyOn(Node.prototype, 'compareDocumentPosition');
    try {
      (document.getElementById('edited')?.firstChild as Text).data = 'The Founding Act, edited.';
      await later(SETTLE_MS + 80);
      expect(store.mentions).toHaveLength(301);
      expect(store.mentions.at(-1)?.range.startContainer.parentElement?.id).toBe('edited');
      // A binary search among 300 is 9 comparisons; a sort of them all was 300 or more.
      expect(compare.mock.calls.length).toBeLessThan(50);
    } finally {
      compare.mockRestore();
    }
  });
});

describe('a rescan while the page takes text out', () => {
  it('keeps the mentions in page order when a painted paragraph goes while the worker answers', async () => {
    const { background } = fakeBackground(true);
    const scan = background.scan;
    let scans = 0;
    background.scan = (...args) => {
      // The rescan's answer comes after the page removed a paragraph in the middle.
      if (scans++ === 1) document.querySelectorAll('p')[151]?.remove();
      return scan(...args);
    };
    const store = new MentionStore();
    expect(await annotate(store, background)).toBe(300);
    const latest = document.createElement('p');
    latest.textContent = 'Founding Act, the latest.';
    document.body.prepend(latest);
    await later(SETTLE_MS + 80);
    // And the rescan of the removal.
    await later(SETTLE_MS + 80);
    expect(scans).toBeGreaterThanOrEqual(2);
    expect(store.mentions).toHaveLength(300);
    expect(store.mentions[0]?.range.startContainer.parentElement).toBe(latest);
    const nodes = store.mentions.map((m) => m.range.startContainer);
    const outOfOrder = nodes.findIndex(
      (node, i) =>
        i > 0 && !((nodes[i - 1] as Node).compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING),
    );
    expect(outOfOrder).toBe(-1);
  });
});
