// @vitest-environment happy-dom
import { liveRange } from '@/lib/content/highlights';
import { delayBefore, HOSTS_PER_LOOK, LateShadows } from '@/lib/content/late-shadows';
import { MentionStore } from '@/lib/content/mention-store';
import { BlockReader } from '@/lib/content/text-blocks';
import { annotate, fakeBackground, later, startAnnotator, useAnnotatorPage } from './annotator-support';

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

describe('the reader', () => {
  it('lists the custom elements it read without a shadow root, and only those', () => {
    document.body.innerHTML =
      '<p>Before <x-waiting>light text</x-waiting></p><x-ready></x-ready><div></div><span></span>';
    (document.querySelector('x-ready') as Element).attachShadow({ mode: 'open' }).innerHTML = '<p>ready</p>';
    const reader = new BlockReader(document.body);
    reader.read();
    expect(reader.blocks.map((b) => b.text)).toEqual(['Before light text', 'ready']);
    // A standard element with no shadow root cannot get one from a component's definition.
    expect(reader.shadowless.map((e) => e.localName)).toEqual(['x-waiting']);
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
    const watch = new LateShadows((roots) => found.push(roots), definedHere);
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
    watch.clear();
  });

  it('asks a bounded number of elements per look, and the next look goes on with the others', () => {
    const hosts = Array.from({ length: HOSTS_PER_LOOK + 10 }, () => document.createElement('x-many'));
    document.body.append(...hosts);
    const asked: Element[] = [];
    const watch = new LateShadows(
      () => undefined,
      (element) => {
        asked.push(element);
        return false;
      },
    );
    watch.add(hosts);
    watch.look();
    expect(asked).toEqual(hosts.slice(0, HOSTS_PER_LOOK));
    asked.length = 0;
    watch.look();
    expect(asked.slice(0, 10)).toEqual(hosts.slice(HOSTS_PER_LOOK));
    expect(asked).toHaveLength(HOSTS_PER_LOOK);
    expect(watch.size).toBe(HOSTS_PER_LOOK + 10);
    watch.clear();
  });

  it('looks on its own after hosts are added, and stops once none is left', async () => {
    document.body.innerHTML = '<x-late-e></x-late-e>';
    const found: ShadowRoot[][] = [];
    const watch = new LateShadows((roots) => found.push(roots), definedHere);
    watch.add([document.querySelector('x-late-e') as Element]);
    defineComponent('x-late-e', '<p>Moscow</p>');
    await vi.waitFor(() => expect(found).toHaveLength(1), { timeout: 2000 });
    expect(watch.size).toBe(0);
    watch.clear();
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

  it('reads no late component once the site is switched off', async () => {
    document.body.innerHTML = '<p>Signed in Paris.</p><x-quote-off></x-quote-off>';
    const { background, answer, scanned } = fakeBackground(true);
    const annotator = startAnnotator(new MentionStore(), background);
    await annotator.refresh();
    answer.enabled = false;
    await annotator.refresh();
    defineComponent('x-quote-off', '<p>The Founding Act holds.</p>');
    await later(1200);
    expect(scanned.flat()).not.toContain('The Founding Act holds.');
  });
});
