// @vitest-environment happy-dom
// The page reader was rewritten to walk by structure instead of asking each node for its
// parent (docs/annotation-bench.md, "The reader walks by structure"). The reader it replaced
// is kept beside the benchmark; on generated pages of every kind of node the reader handles,
// read in slices, both must read the same blocks, down to the text node and offset of each
// piece.
import { BlockReader, type TextBlock } from '@/lib/content/text-blocks';
import { ParentStackReader } from '../../bench/reader/parent-stack-reader';

/** A small seeded generator, so a failure can be replayed. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const CONTAINERS = ['p', 'div', 'li', 'td', 'span', 'b', 'em', 'a', 'code', 'pre', 'x-widget'];
const WORDS = ['Black', 'Sea', 'NATO', 'Hague', ' ', '\n  ', 'ceasefire', '\u00a0', ''];

/** Fills `parent` with a random subtree of about `budget` nodes. */
function grow(parent: Node, random: () => number, budget: number, depth: number): number {
  const doc = parent.ownerDocument as Document;
  let used = 0;
  while (used < budget) {
    const roll = random();
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
    if (roll < 0.45 || depth > 12) {
      parent.appendChild(doc.createTextNode(pick(WORDS)));
      used++;
    } else if (roll < 0.5) {
      parent.appendChild(doc.createElement(pick(['br', 'hr', 'img'])));
      used++;
    } else if (roll < 0.53) {
      parent.appendChild(doc.createComment('note'));
      used++;
    } else {
      const element = doc.createElement(pick(CONTAINERS));
      if (random() < 0.05) element.setAttribute('contenteditable', random() < 0.3 ? 'false' : '');
      parent.appendChild(element);
      // Some hosts carry an open shadow root, some of them with no child of their own.
      if ((element.localName === 'x-widget' || element.localName === 'div') && random() < 0.3) {
        const shadow = element.attachShadow({ mode: 'open' });
        used += grow(shadow, random, Math.floor(random() * 12), depth + 1);
        if (random() < 0.5) {
          used++;
          continue;
        }
      }
      used += 1 + grow(element, random, Math.floor(random() * Math.min(40, budget - used)), depth + 1);
    }
  }
  return used;
}

/** Reads `root` in slices: the clock passes the deadline at each look (every 256 nodes). */
function readInSlices(reader: { read(deadline: number, now: () => number): boolean }): number {
  let clock = 0;
  let slices = 1;
  while (!reader.read(clock, () => ++clock)) slices++;
  return slices;
}

function describeBlocks(blocks: readonly TextBlock[]): string[] {
  return blocks.map(
    (block) => `${JSON.stringify(block.text)} @ ${block.pieces.map((p) => p.start).join(',')}`,
  );
}

describe('the page reader and the one it replaced', () => {
  it('read the same blocks on 150 generated pages, in slices', () => {
    let paused = 0;
    for (let seed = 1; seed <= 150; seed++) {
      document.body.replaceChildren();
      grow(document.body, generator(seed), 300 + seed * 7, 0);
      const ours = new BlockReader(document.body);
      paused += readInSlices(ours) - 1;
      const theirs = new ParentStackReader(document.body);
      readInSlices(theirs);
      expect(describeBlocks(ours.blocks), `seed ${seed}`).toEqual(describeBlocks(theirs.blocks));
      const nodes = (blocks: readonly TextBlock[]) => blocks.flatMap((b) => b.pieces.map((p) => p.node));
      expect(
        nodes(ours.blocks).every((node, i) => node === nodes(theirs.blocks)[i]),
        `seed ${seed}`,
      ).toBe(true);
    }
    // The pages are big enough that reading stopped and resumed many times.
    expect(paused).toBeGreaterThan(150);
    // About 2 s alone; a CI machine running other suites beside it can take three times that.
  }, 20_000);
});
