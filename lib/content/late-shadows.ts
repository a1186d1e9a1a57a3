import { CUSTOM, kindOf, readsShadowOf } from './element-kinds';
import { insideSkipped } from './skip';

/** Delay between two looks while components are likely still loading. */
const QUICK_MS = 500;
/** How many quick looks come before the delay starts to double. */
const QUICK_LOOKS = 20;
/** The longest delay between two looks. */
const SLOWEST_MS = 32_000;
/** The most elements one look asks, so a page of countless undefined tags costs a short task. */
export const HOSTS_PER_LOOK = 1000;

/** How long to wait before look number `looks` (counted from 0 since hosts were last added). */
export function delayBefore(looks: number): number {
  if (looks < QUICK_LOOKS) return QUICK_MS;
  return Math.min(SLOWEST_MS, 1000 * 2 ** (looks - QUICK_LOOKS));
}

/** Whether the element's custom element definition has run (CSS `:defined`). */
function isDefined(element: Element): boolean {
  try {
    return element.matches(':defined');
  } catch {
    // A selector engine without `:defined`: keep looking; the list only shrinks slower.
    return false;
  }
}

/**
 * Watches elements that had no open shadow root when the page was read and may get one,
 * which no mutation record in the document tells of (so nothing the annotator's observer
 * sees). Every look asks each waiting element for its open shadow root and hands over the
 * ones that now have one. Two kinds of element wait, in two lines:
 *
 * - Custom elements: a component's script usually arrives after its tag, and when it runs
 *   the element gets a shadow root and fills it. One that is defined and still has none
 *   renders into its own children (read already) or into a closed root (never read), so it
 *   is dropped for good.
 * - Standard elements that can host a root and had no child (an empty `div` or `span`): a
 *   page script may call `attachShadow` on one at any time, with no definition to wait for.
 *   Most stay empty (spacers, icons, ad slots), so these are watched only through the quick
 *   looks, about ten seconds after the last hosts were added; one that gets a child of its
 *   own is read through its children instead (see readsShadowOf) and leaves the line. A
 *   later root on such an element is not found until the page changes around it.
 *
 * An element the page removed is dropped until it is listed again. Looks come every half
 * second at first, then ever more rarely (see delayBefore), and stop when nothing is left to
 * wait for, or for good when `signal` aborts.
 */
export class LateShadows {
  /** Custom elements waiting for a definition, in the order of their next look. */
  private readonly waiting = new Set<Element>();
  /** Empty standard elements, looked at after the custom ones and only in the quick looks. */
  private readonly standard = new Set<Element>();
  /** Hosts that need no more looks: defined without an open root, or handed over. */
  private readonly settled = new WeakSet<Element>();
  private looks = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the pending look is due (performance.now() time). */
  private dueAt = 0;

  constructor(
    private readonly signal: AbortSignal,
    /** Called with the shadow roots that appeared since the last look, in one batch. */
    private readonly onShadows: (roots: ShadowRoot[]) => void,
    private readonly defined: (element: Element) => boolean = isDefined,
  ) {
    signal.addEventListener('abort', () => this.clear(), { once: true });
  }

  /** How many elements are still watched. */
  get size(): number {
    return this.waiting.size + this.standard.size;
  }

  /** Whether a look is scheduled. */
  get pending(): boolean {
    return this.timer !== undefined;
  }

  /**
   * Watches these hosts too. Looks come quickly again, as more components may be on their
   * way; a look already due sooner is not put off, so a page that keeps adding components
   * cannot keep the looks from coming.
   */
  add(hosts: Iterable<Element>): void {
    if (this.signal.aborted) return;
    const before = this.size;
    for (const host of hosts) {
      if (this.settled.has(host)) continue;
      if ((kindOf(host.localName) & CUSTOM) !== 0) this.waiting.add(host);
      else this.standard.add(host);
    }
    if (this.size === before) return;
    this.looks = 0;
    this.schedule();
  }

  /** Stops watching these hosts: their shadow roots were found and read another way. */
  forget(hosts: Iterable<Element>): void {
    for (const host of hosts) {
      this.waiting.delete(host);
      this.standard.delete(host);
      this.settled.add(host);
    }
  }

  /** Stops watching everything. */
  clear(): void {
    this.waiting.clear();
    this.standard.clear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /**
   * One look at the waiting elements, at most HOSTS_PER_LOOK of them, custom elements first:
   * those still waiting go to the end of their line, so the next look starts with the others.
   * The last quick look lets go of the standard elements.
   */
  look(): void {
    const found: ShadowRoot[] = [];
    let budget = HOSTS_PER_LOOK;
    for (const line of [this.waiting, this.standard]) {
      const turn: Element[] = [];
      for (const host of line) {
        if (turn.length === budget) break;
        turn.push(host);
      }
      budget -= turn.length;
      for (const host of turn) {
        line.delete(host);
        if (!host.isConnected) continue;
        const shadow = host.shadowRoot;
        if (shadow) {
          this.settled.add(host);
          // Moved into an editor or a skipped element since it was read, or a standard
          // element that has children now: its root is not read now either.
          if (readsShadowOf(host) && !insideSkipped(host)) found.push(shadow);
        } else if (line === this.waiting) {
          if (this.defined(host)) this.settled.add(host);
          else line.add(host);
        } else if (readsShadowOf(host)) line.add(host);
      }
    }
    this.looks += 1;
    if (this.looks >= QUICK_LOOKS) this.standard.clear();
    if (found.length > 0) this.onShadows(found);
  }

  private schedule(): void {
    const delay = delayBefore(this.looks);
    const due = performance.now() + delay;
    if (this.timer) {
      if (this.dueAt <= due) return;
      clearTimeout(this.timer);
    }
    this.dueAt = due;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.look();
      if (this.size > 0) this.schedule();
    }, delay);
  }
}
