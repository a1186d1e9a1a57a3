// @vitest-environment happy-dom
import { SETTLE_MS } from '@/lib/content/annotator';
import { keepWithinCap } from '@/lib/content/mention-cap';
import { MentionStore, type PaintedMention } from '@/lib/content/mention-store';
import { staticRange } from '../static-range';
import { fakeBackground, later, startAnnotator, useAnnotatorPage } from './annotator-support';

/** Mentions named by number, in page order (the cap looks only at order and at which are new). */
function numbered(count: number): PaintedMention[] {
  const text = document.createTextNode('x');
  return Array.from({ length: count }, (_, i) => ({ range: staticRange(text, 0, 1), cardIds: [`m${i}`] }));
}
const names = (mentions: readonly PaintedMention[]) => mentions.map((m) => m.cardIds[0]);

describe('the cap on the mentions a page keeps', () => {
  it('keeps everything under the cap', () => {
    const all = numbered(5);
    expect(keepWithinCap(all, new Set(all.slice(3)), 5)).toEqual(all);
  });

  it('lets the top go when the new mentions came at the bottom (a feed)', () => {
    const all = numbered(8);
    expect(names(keepWithinCap(all, new Set(all.slice(6)), 5))).toEqual(['m3', 'm4', 'm5', 'm6', 'm7']);
  });

  it('lets the bottom go when the new mentions came at the top (a live blog, latest first)', () => {
    const all = numbered(8);
    expect(names(keepWithinCap(all, new Set(all.slice(0, 2)), 5))).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
  });

  it('keeps every new mention, wherever the old ones it lets go lie', () => {
    const all = numbered(10);
    const fresh = new Set([all[1], all[8], all[9]] as PaintedMention[]);
    const kept = keepWithinCap(all, fresh, 6);
    expect(kept).toHaveLength(6);
    for (const mention of fresh) expect(kept).toContain(mention);
    expect(names(kept)).toEqual(['m1', 'm5', 'm6', 'm7', 'm8', 'm9']);
  });

  it('keeps the first new mentions in page order when they alone pass the cap', () => {
    const all = numbered(8);
    expect(names(keepWithinCap(all, new Set(all.slice(2)), 3))).toEqual(['m2', 'm3', 'm4']);
  });
});

describe('a page past the cap', () => {
  useAnnotatorPage('<main id="feed"></main>');
  const paragraphs = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) => `<p>Founding Act ${from + i}</p>`).join('');
  const numbers = (store: MentionStore) =>
    store.mentions.map((m) => Number((m.range.startContainer as Text).data.split(' ').at(-1)));

  it('paints the first mentions in reading order and sends no more of the page once it is reached', async () => {
    // Over 60,000 characters in 100 blocks: the first 60 blocks are scanned before the rest
    // (happy-dom lays nothing out, so the page's top counts as what is in view).
    const filler = ' and more news'.repeat(50);
    (document.getElementById('feed') as HTMLElement).innerHTML = Array.from(
      { length: 100 },
      (_, i) => `<p>Founding Act ${i}${filler}</p>`,
    ).join('');
    const { background, scanned } = fakeBackground(true);
    const store = new MentionStore();
    expect(await startAnnotator(store, background, 50).refresh()).toBe(50);
    expect(store.mentions.map((m) => (m.range.startContainer as Text).data.split(' ')[2])).toEqual(
      Array.from({ length: 50 }, (_, i) => String(i)),
    );
    expect(scanned.map((blocks) => blocks.length)).toEqual([60]);
  });

  it('counts a mention in a component where the component stands when it stops at the cap', async () => {
    const feed = document.getElementById('feed') as HTMLElement;
    feed.innerHTML = `<p>Inside: <x-quote></x-quote></p>${paragraphs(1, 3)}`;
    (feed.querySelector('x-quote') as Element).attachShadow({ mode: 'open' }).innerHTML = 'Founding Act 0';
    const store = new MentionStore();
    expect(await startAnnotator(store, fakeBackground(true).background, 2).refresh()).toBe(2);
    expect(numbers(store)).toEqual([0, 1]);
  });

  it('keeps the newest when a feed grows at its end, and the latest when a blog grows at its top', async () => {
    const feed = document.getElementById('feed') as HTMLElement;
    feed.innerHTML = paragraphs(0, 4);
    const store = new MentionStore();
    expect(await startAnnotator(store, fakeBackground(true).background, 6).refresh()).toBe(4);
    feed.insertAdjacentHTML('beforeend', paragraphs(4, 4));
    await later(SETTLE_MS + 80);
    expect(numbers(store)).toEqual([2, 3, 4, 5, 6, 7]);
    // Put in with prepend: happy-dom's insertAdjacentHTML('afterbegin') reverses the nodes.
    const latest = document.createElement('div');
    latest.innerHTML = paragraphs(100, 3);
    feed.prepend(...latest.childNodes);
    await later(SETTLE_MS + 80);
    expect(numbers(store)).toEqual([100, 101, 102, 2, 3, 4]);
  });
});
