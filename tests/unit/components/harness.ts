import axe from 'axe-core';
import { type ComponentChild, render as preactRender } from 'preact';
import { act } from 'preact/test-utils';

/** A component mounted in the test document, with the helpers component tests share. */
export interface Mounted {
  container: HTMLElement;
  /** Re-renders the same root with new markup. */
  rerender(node: ComponentChild): Promise<void>;
  unmount(): void;
}

const mounted = new Set<HTMLElement>();
afterEach(() => {
  for (const container of mounted) {
    preactRender(null, container);
    container.remove();
  }
  mounted.clear();
});

/** Renders `node` into a fresh container in the document and lets effects run. */
export async function mount(node: ComponentChild): Promise<Mounted> {
  const container = document.createElement('div');
  document.body.append(container);
  mounted.add(container);
  await act(() => preactRender(node, container));
  return {
    container,
    rerender: async (next) => act(() => preactRender(next, container)),
    unmount: () => preactRender(null, container),
  };
}

/** Lets pending promises, timers and effects settle (IndexedDB answers, live queries). */
export async function settle(ms = 20): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, ms));
  });
}

/** Types into an input or textarea as a reader would: value set, then an input event. */
export async function typeInto(field: Element | null, text: string): Promise<void> {
  if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) {
    throw new Error(`not a text field: ${field?.outerHTML.slice(0, 80)}`);
  }
  await act(() => {
    field.value = text;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Clicks an element inside act(). */
export async function click(element: Element | null | undefined): Promise<void> {
  if (!(element instanceof HTMLElement)) throw new Error('nothing to click');
  await act(() => element.click());
}

/** Presses a key on an element (keydown, bubbling), inside act(). */
export async function press(target: Element | null | undefined, key: string, init: KeyboardEventInit = {}) {
  if (!target) throw new Error(`nothing to press ${key} on`);
  await act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
  });
}

/** The button whose accessible text is `name` (text content or aria-label). */
export function button(container: ParentNode, name: string | RegExp): HTMLButtonElement {
  const found = [...container.querySelectorAll('button')].find((b) => {
    const label = b.getAttribute('aria-label') ?? b.textContent?.trim() ?? '';
    return typeof name === 'string' ? label === name : name.test(label);
  });
  if (!found) throw new Error(`no button "${name}"`);
  return found;
}

/** The form control labelled `label` (by <label for> or aria-label). */
export function field(
  container: ParentNode,
  label: string,
): HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement {
  const byFor = [...container.querySelectorAll('label')].find((l) => l.textContent?.trim() === label);
  const id = byFor?.getAttribute('for');
  const control = id
    ? container.querySelector(`#${CSS.escape(id)}`)
    : container.querySelector(`[aria-label="${label}"]`);
  if (!control) throw new Error(`no field labelled "${label}"`);
  return control as HTMLInputElement;
}

/**
 * Accessibility violations axe-core finds in `container`. Rules that need real layout
 * (colour contrast, target size) are off: happy-dom computes no styles or boxes; the
 * end-to-end tests run in Chromium.
 */
export async function axeViolations(container: HTMLElement): Promise<string[]> {
  const results = await axe.run(container, {
    rules: { 'color-contrast': { enabled: false }, 'target-size': { enabled: false } },
  });
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
