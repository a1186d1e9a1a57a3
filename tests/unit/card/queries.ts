/** The accessible name of a button as a user hears it: its aria-label, else its text. */
function nameOf(element: Element): string {
  return (element.getAttribute('aria-label') ?? element.textContent ?? '').trim();
}

/** The button with this accessible name; fails the test when there is none. */
export function button(container: Element, name: string | RegExp): HTMLButtonElement {
  const found = [...container.querySelectorAll('button')].find((b) =>
    typeof name === 'string' ? nameOf(b) === name : name.test(nameOf(b)),
  );
  if (!found) throw new Error(`No button named ${name}`);
  return found;
}

/** The list named by the heading with this text. */
export function listNamed(container: Element, label: string): Element | null {
  const heading = [...container.querySelectorAll('h3')].find((h) => h.textContent === label);
  return heading ? container.querySelector(`[aria-labelledby="${heading.id}"]`) : null;
}
