import axe from 'axe-core';

/**
 * Runs axe-core on an element and fails with the rule ids and targets it reports. Colour
 * contrast needs layout, which happy-dom does not do: that rule is checked in Chromium
 * (tests/e2e/card.spec.ts).
 */
export async function expectNoAxeViolations(element: Element): Promise<void> {
  const results = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } });
  const found = results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(found).toEqual([]);
}
