// @vitest-environment happy-dom
import { liveRange } from '@/lib/content/highlights';
import {
  delayBefore,
  HOSTS_PER_LOOK,
  LateShadows,
  STANDARD_PER_LOOK,
  STANDARD_WATCH_MS,
} from '@/lib/content/late-shadows';
import { MentionStore } from '@/lib/content/mention-store';
import { insideSkipped } from '@/lib/content/skip';
import { BlockReader } from '@/lib/content/text-blocks';
import {
  annotate,
  fakeBackground,
  later,
  startAnnotator,
  stopAnnotators,
  useAnnotatorPage,
} from './annotator-support';

useAnnotatorPage('<p>Signed in Paris.</p>');

/**
 * Defines a component (each test its own name: a definition cannot be taken back) whose
 * constructor gives it an open shadow root with `html`, as a component's script does once
 * it has loaded. Elements with that name already on the page are upgraded at once.
 */
function defineComponent(name: string, html: string | undefined): void {
  customElements.define(
    name,
    class extends HTMLElement {
      constructor() {
        super();
        if (html !== undefined) this.attachShadow({ mode: 'open' }).innerHTML = html;
      }
    },
  );
}

/** `:defined` as the browser answers it; happy-dom's selector engine does not know it. */
const definedHere = (element: Element) => customElements.get(element.localName) !== undefined;

/** Each watch a test starts ends with it. */
let watching = new AbortController();
afterEach(() => {
  watching.abort();
  watching = new AbortController();
});

/** A watch that hands nothing over and records which elements it asked whether they are defined. */
function askingWatch(defined: boolean) {
  const asked: Element[] = [];
  const watch = new LateShadows(
    watching.signal,
    () => undefined,
    (element) => {
      asked.push(element);
      return defined;
    },
  );
  return { watch, asked };
}

describe('the reader', () => {
  it('lists the elements it read that may still get a shadow root, and only those', () => {
    document.body.innerHTML =
      '<p>Before <x-waiting>light text</x-waiting></p><x-ready></x-ready><div></div><span></span>' +
      '<div>own text</div><em></em><section><!-- a comment is no child to read --></section>';
    (document.querySelector('x-ready') as Element).attachShadow({ mode: 'open' }).innerHTML = '<p>ready</p>';
    const reader = new BlockReader(document.body);
    reader.read();
    expect(reader.blocks.map((b) => b.text)).toEqual(['Before light text', 'own text', 'ready']);
    // A custom element, with children or not, and the standard hosts with nothing to read:
    // not the div with text of its own, nor an `em`, which attachShadow refuses.
    expect(reader.shadowless.map((e) => e.localName)).toEqual(['x-waiting', 'div', 'span', 'section']);
  });
});

describe('watching components for a late shadow root', () => {
  it('looks every half second at first, then ever more rarely, never less than every 32 s', () => {
    expect([0, 19].map(delayBefore)).toEqual([500, 500]);
    expect([20, 21, 22, 25, 40].map(delayBefore)).toEqual([1000, 2000, 4000, 32_000, 32_000]);
  });

  it('hands over the shadow roots that appeared, and drops hosts that are gone or defined without one', () => {
    document.body.innerHTML =
      '<x-late-a></x-late-a><x-late-b></x-late-b><x-late-c></x-late-c><x-late-d></x-late-d><div contenteditable></div>';
    const [a, b, c, d] = [
      ...document.body.querySelectorAll('x-late-a, x-late-b, x-late-c, x-late-d'),
    ] as Element[];
    const found: ShadowRoot[][] = [];
    const watch = new LateShadows(watching.signal, (roots) => found.push(roots), definedHere);
    watch.add([a, b, c, d] as Element[]);
    watch.look();
    expect(found).toEqual([]);
    expect(watch.size).toBe(4);

    defineComponent('x-late-a', '<p>Moscow</p>');
    defineComponent('x-late-b', undefined);
    c?.remove();
    watch.look();
    expect(found).toEqual([[a?.shadowRoot]]);
    // b renders into its own children, c left the page: only d is still waited for.
    expect(watch.size).toBe(1);

    // A host moved into an editor since it was read is not read now either.
    document.querySelector('[contenteditable]')?.append(d as Element);
    defineComponent('x-late-d', '<p>Kyiv</p>');
    watch.look();
    expect(found).toHaveLength(1);
    expect(watch.size).toBe(0);
  });

  it('asks a bounded number of elements per look, and the next look goes on with the others', () => {
    const hosts = Array.from({ length: HOSTS_PER_LOOK + 10 }, () => document.createElement('x-many'));
    document.body.append(...hosts);
    const { watch, asked } = askingWatch(false);
    watch.add(hosts);
    watch.look();
    expect(asked).toEqual(hosts.slice(0, HOSTS_PER_LOOK));
    asked.length = 0;
    watch.look();
    expect(asked.slice(0, 10)).toEqual(hosts.slice(HOSTS_PER_LOOK));
    expect(asked).toHaveLength(HOSTS_PER_LOOK);
    expect(watch.size).toBe(HOSTS_PER_LOOK + 10);
  });

  it('looks on its own after hosts are added, and stops once none is left', async () => {
    document.body.innerHTML = '<x-late-e></x-late-e>';
    const found: ShadowRoot[][] = [];
    const watch = new LateShadows(watching.signal, (roots) => found.push(roots), definedHere);
    watch.add([document.querySelector('x-late-e') as Element]);
    defineComponent('x-late-e', '<p>Moscow</p>');
    await vi.waitFor(() => expect(found).toHaveLength(1), { timeout: 2000 });
    expect(watch.size).toBe(0);
    expect(watch.pending).toBe(false);
  });

  it('is not put off by a page that keeps adding components', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      document.body.innerHTML = '<x-late-f></x-late-f>';
      const found: ShadowRoot[][] = [];
      const watch = new LateShadows(watching.signal, (roots) => found.push(roots), definedHere);
      watch.add([document.querySelector('x-late-f') as Element]);
      defineComponent('x-late-f', '<p>Moscow</p>');
      // A ticker that puts a new component on the page more often than looks come.
      for (let tick = 0; tick < 10; tick++) {
        const stamp = document.createElement('x-stamp');
        document.body.append(stamp);
        watch.add([stamp]);
        vi.advanceTimersByTime(400);
      }
      expect(found).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('never looks again at a host defined without a shadow root, or at one found another way', () => {
    document.body.innerHTML = '<x-light></x-light><x-found></x-found>';
    const [light, foundElsewhere] = [...document.body.children];
    const { watch, asked } = askingWatch(true);
    watch.add([light as Element]);
    watch.look();
    expect(asked).toEqual([light]);
    // A rescan of the block around it lists it again: no new look comes for it.
    watch.add([light as Element]);
    expect(watch.size).toBe(0);
    watch.add([foundElsewhere as Element]);
    watch.forget([foundElsewhere as Element]);
    watch.add([foundElsewhere as Element]);
    expect(watch.size).toBe(0);
  });

  it('hands over the root a page script attaches to an empty standard element', () => {
    document.body.innerHTML = '<div id="late"></div><span id="filled"></span><p id="gone"></p>';
    const [late, filled, gone] = [...document.body.children] as Element[];
    const found: ShadowRoot[][] = [];
    const watch = new LateShadows(watching.signal, (roots) => found.push(roots), definedHere);
    watch.add([late, filled, gone] as Element[]);
    watch.look();
    expect(watch.size).toBe(3);

    const shadow = (late as Element).attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Moscow</p>';
    // Text of its own is read by the page's observer: the element's root would not be read.
    filled?.append('now filled');
    filled?.attachShadow({ mode: 'open' });
    gone?.remove();
    watch.look();
    expect(found).toEqual([[shadow]]);
    expect(watch.size).toBe(0);
  });

  it('keeps looking on its own at an empty standard element for ten seconds, then lets it go', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      document.body.innerHTML = '<div></div>';
      const empty = document.body.firstElementChild as Element;
      const found: ShadowRoot[][] = [];
      const watch = new LateShadows(watching.signal, (roots) => found.push(roots), definedHere);
      watch.add([empty]);
      vi.advanceTimersByTime(5000);
      const shadow = empty.attachShadow({ mode: 'open' });
      vi.advanceTimersByTime(500);
      expect(found).toEqual([[shadow]]);
      expect(watch.pending).toBe(false);

      document.body.innerHTML = '<span></span>';
      const span = document.body.firstElementChild as Element;
      watch.add([span]);
      vi.advanceTimersByTime(STANDARD_WATCH_MS - 1);
      expect(watch.size).toBe(1);
      vi.advanceTimersByTime(1);
      expect(watch.size).toBe(0);
      expect(watch.pending).toBe(false);
      // Let go for good: listed again by a rescan, it is not watched again.
      watch.add([span]);
      expect(watch.size).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('stops looking beside a ticking clock: listing an empty element again does not restart its time', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      document.body.innerHTML = '<p>12:00 <span class="icon"></span></p>';
      const icon = document.querySelector('span') as Element;
      const watch = new LateShadows(watching.signal, () => undefined, definedHere);
      const look = vi.spyOn(watch, 'look');
      // Each tick the block around it is read again, and the reader lists the icon again.
      for (let tick = 0; tick < 60; tick++) {
        watch.add([icon]);
        vi.advanceTimersByTime(1000);
      }
      expect(look).toHaveBeenCalledTimes(STANDARD_WATCH_MS / 500);
      expect(watch.pending).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('lets an empty element that got children go, and waits on for components', () => {
    document.body.innerHTML = '<div></div><x-slow></x-slow>';
    const [filled, component] = [...document.body.children] as Element[];
    const { watch, asked } = askingWatch(false);
    watch.add([filled, component] as Element[]);
    watch.look();
    expect(watch.size).toBe(2);
    filled?.append('text of its own');
    watch.look();
    expect(watch.size).toBe(1);
    filled?.replaceChildren();
    watch.add([filled as Element]);
    expect(watch.size).toBe(1);
    expect(asked.every((host) => host === component)).toBe(true);
  });

  it('keeps places in every look for empty standard elements when components fill it', () => {
    const divs = Array.from({ length: STANDARD_PER_LOOK + 50 }, () => document.createElement('div'));
    const hosts = Array.from({ length: HOSTS_PER_LOOK }, () => document.createElement('x-first'));
    document.body.append(...divs, ...hosts);
    const found: ShadowRoot[] = [];
    const asked: Element[] = [];
    const watch = new LateShadows(
      watching.signal,
      (roots) => found.push(...roots),
      (element) => asked.push(element) < 0,
    );
    watch.add(hosts);
    watch.add(divs);
    const shadows = divs.map((div) => div.attachShadow({ mode: 'open' }));
    watch.look();
    expect(found).toEqual(shadows.slice(0, STANDARD_PER_LOOK));
    expect(asked).toEqual(hosts.slice(0, HOSTS_PER_LOOK - STANDARD_PER_LOOK));
    watch.look();
    expect(found).toEqual(shadows);
    expect(asked).toHaveLength(2 * HOSTS_PER_LOOK - STANDARD_PER_LOOK - 50);
  });

  it('ends when its signal aborts', () => {
    document.body.innerHTML = '<x-late-g></x-late-g>';
    const watch = new LateShadows(watching.signal, () => undefined, definedHere);
    watch.add([document.querySelector('x-late-g') as Element]);
    expect(watch.pending).toBe(true);
    watching.abort();
    expect(watch.size).toBe(0);
    expect(watch.pending).toBe(false);
    watch.add([document.querySelector('x-late-g') as Element]);
    expect(watch.pending).toBe(false);
  });
});

describe('the annotator and components whose script comes late', () => {
  it('paints a mention in a shadow root attached after the page was read, and follows its text', async () => {
    document.body.innerHTML = '<p>Signed in Paris.</p><x-quote-late></x-quote-late>';
    const { background } = fakeBackground(true);
    const store = new MentionStore();
    await annotate(store, background);
    expect(store.mentions).toHaveLength(0);
    // No mutation record tells of this: the element is upgraded and fills its own shadow root.
    defineComponent('x-quote-late', '<p>The Founding Act holds.</p>');
    await vi.waitFor(() => expect(store.mentions).toHaveLength(1), { timeout: 2000 });
    const shadow = document.querySelector('x-quote-late')?.shadowRoot as ShadowRoot;
    expect(liveRange(store.mentions[0]?.range as AbstractRange)?.toString()).toBe('Founding Act');
    expect(store.mentions[0]?.range.startContainer.parentNode?.parentNode).toBe(shadow);
    // The new shadow root is watched like the page: an edit there is followed.
    (shadow.querySelector('p')?.firstChild as Text).data = 'No word yet.';
    await vi.waitFor(() => expect(store.mentions).toHaveLength(0), { timeout: 2000 });
  });

  it('paints a mention in a shadow root a page script attaches to an empty div later', async () => {
    document.body.innerHTML = '<p>Signed in Paris.</p><div id="widget"></div>';
    const { background } = fakeBackground(true);
    const store = new MentionStore();
    await annotate(store, background);
    const widget = document.getElementById('widget') as HTMLElement;
    widget.attachShadow({ mode: 'open' }).innerHTML = '<p>The Founding Act holds.</p>';
    await vi.waitFor(() => expect(store.mentions).toHaveLength(1), { timeout: 2000 });
    expect(liveRange(store.mentions[0]?.range as AbstractRange)?.toString()).toBe('Founding Act');
  });

  it('watches an empty block the page adds later, and reads one added with its root', async () => {
    document.body.innerHTML = '<p>Signed in Paris.</p><section id="slot"></section>';
    const { background } = fakeBackground(true);
    const store = new MentionStore();
    const annotator = startAnnotator(store, background);
    await annotator.refresh();
    const slot = document.getElementById('slot') as HTMLElement;
    const placeholder = document.createElement('div');
    slot.append(placeholder);
    await vi.waitFor(() => expect(annotator.lateHosts).toBe(1), { timeout: 2000 });
    placeholder.attachShadow({ mode: 'open' }).innerHTML = '<p>The Founding Act holds.</p>';
    await vi.waitFor(() => expect(store.mentions).toHaveLength(1), { timeout: 2000 });

    const ready = document.createElement('div');
    ready.attachShadow({ mode: 'open' }).innerHTML = '<p>The Founding Act again.</p>';
    slot.append(ready);
    await vi.waitFor(() => expect(store.mentions).toHaveLength(2), { timeout: 2000 });
  });

  it('reads no late component once the site is switched off', async () => {
    document.body.innerHTML = '<p>Signed in Paris.</p><x-quote-off></x-quote-off>';
    const { background, answer, scanned } = fakeBackground(true);
    const annotator = startAnnotator(new MentionStore(), background);
    await annotator.refresh();
    expect(annotator.lateHosts).toBe(1);
    answer.enabled = false;
    await annotator.refresh();
    expect(annotator.lateHosts).toBe(0);
    defineComponent('x-quote-off', '<p>The Founding Act holds.</p>');
    await later(1200);
    expect(scanned.flat()).not.toContain('The Founding Act holds.');
  });

  it('stops watching when the content script’s context ends', async () => {
    document.body.innerHTML = '<p>Signed in Paris.</p><x-quote-gone></x-quote-gone>';
    const { background } = fakeBackground(true);
    const annotator = startAnnotator(new MentionStore(), background);
    await annotator.refresh();
    expect(annotator.lateHosts).toBe(1);
    stopAnnotators();
    expect(annotator.lateHosts).toBe(0);
  });

  it('reads a late shadow root once when a change around its host is read first', async () => {
    document.body.innerHTML = '<p id="a">Before <x-dup></x-dup></p>';
    const { background, scanned } = fakeBackground(true);
    await annotate(new MentionStore(), background);
    // In one task the component's script runs and the page edits the paragraph around it.
    defineComponent('x-dup', '<p>The Founding Act holds.</p>');
    (document.getElementById('a')?.firstChild as Text).data = 'After ';
    await vi.waitFor(() => expect(scanned.flat()).toContain('The Founding Act holds.'), { timeout: 2000 });
    // Past the next look and its settling delay.
    await later(1000);
    expect(scanned.flat().filter((text) => text === 'The Founding Act holds.')).toHaveLength(1);
  });
});

describe('skipped regions', () => {
  it('cover the shadow roots of components inside them', () => {
    document.body.innerHTML = '<div contenteditable><x-inner></x-inner></div>';
    const shadow = (document.querySelector('x-inner') as Element).attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>typed</p>';
    expect(insideSkipped(shadow.querySelector('p') as Element)).toBe(true);
    expect(insideSkipped(shadow)).toBe(true);
  });
});
