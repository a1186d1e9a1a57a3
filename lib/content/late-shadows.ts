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
 * Watches custom elements that had no shadow root when the page was read. A component's
 * script usually arrives after its tag: when it runs, the element gets a shadow root and
 * fills it, and none of that makes a mutation record in the document (and so nothing the
 * annotator's observer sees). Every look asks each waiting element for its open shadow root
 * and hands over the ones that now have one. An element that is defined and still has none
 * renders into its own children (read already) or into a closed root (never read), so it is
 * dropped for good; so is one the page removed, until it is listed again. Looks come every
 * half second at first, then ever more rarely (see delayBefore), and stop when nothing is
 * left to wait for, or for good when `signal` aborts.
 */
export class LateShadows {
  private readonly waiting = new Set<Element>();
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
    return this.waiting.size;
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
    const before = this.waiting.size;
    for (const host of hosts) if (!this.settled.has(host)) this.waiting.add(host);
    if (this.waiting.size === before) return;
    this.looks = 0;
    this.schedule();
  }

  /** Stops watching these hosts: their shadow roots were found and read another way. */
  forget(hosts: Iterable<Element>): void {
    for (const host of hosts) {
      this.waiting.delete(host);
      this.settled.add(host);
    }
  }

  /** Stops watching everything. */
  clear(): void {
    this.waiting.clear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /**
   * One look at the waiting elements, at most HOSTS_PER_LOOK of them: those still waiting go
   * to the end of the line, so the next look starts with the others.
   */
  look(): void {
    const found: ShadowRoot[] = [];
    const turn: Element[] = [];
    for (const host of this.waiting) {
      if (turn.length === HOSTS_PER_LOOK) break;
      turn.push(host);
    }
    for (const host of turn) {
      this.waiting.delete(host);
      if (!host.isConnected) continue;
      const shadow = host.shadowRoot;
      if (shadow || this.defined(host)) this.settled.add(host);
      // Moved into an editor or a skipped element since it was read: not read now either.
      if (shadow && !insideSkipped(host)) found.push(shadow);
      else if (!shadow && !this.settled.has(host)) this.waiting.add(host);
    }
    this.looks += 1;
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
      if (this.waiting.size > 0) this.schedule();
    }, delay);
  }
}
