// @vitest-environment happy-dom
import { inFixedLayer } from '@/lib/content/card/mention-visibility';

/** A page with `html` in its body, and the element with id `target`. */
function pageWith(html: string): Element {
  document.body.innerHTML = html;
  const target = document.getElementById('target');
  if (!target) throw new Error('no #target');
  return target;
}

describe('whether something stays put while the page scrolls', () => {
  it('counts a fixed box and what is in it, and a sticky one', () => {
    expect(inFixedLayer(pageWith('<div style="position: fixed"><p id="target">x</p></div>'), window)).toBe(
      true,
    );
    expect(inFixedLayer(pageWith('<h2 id="target" style="position: sticky; top: 0">x</h2>'), window)).toBe(
      true,
    );
    expect(inFixedLayer(pageWith('<p id="target">x</p>'), window)).toBe(false);
  });

  it('does not count a fixed box under a transformed, filtered or contained ancestor, which scrolls with it', () => {
    for (const holder of [
      'transform: translateX(0)',
      'filter: blur(1px)',
      'will-change: transform',
      'contain: paint',
    ]) {
      const target = pageWith(
        `<div style="${holder}"><div style="position: fixed"><p id="target">x</p></div></div>`,
      );
      expect(inFixedLayer(target, window), holder).toBe(false);
    }
  });

  it('counts a fixed box whose own transform holds only what is inside it', () => {
    const target = pageWith(
      '<div style="position: fixed; transform: translateX(0)"><p id="target">x</p></div>',
    );
    expect(inFixedLayer(target, window)).toBe(true);
  });
});
