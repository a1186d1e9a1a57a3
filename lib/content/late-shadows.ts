import { CUSTOM, kindOf, readsShadowOf } from './element-kinds';
import { insideSkipped } from './skip';

/** Delay between two looks while components are likely still loading. */
const QUICK_MS = 500;
/** How many quick looks come before the delay starts to double. */
const QUICK_LOOKS = 20;
/** The longest delay between two looks. */
const SLOWEST_MS = 32_000;
/** How long an empty standard element is watched after it was first listed. */
export const STANDARD_WATCH_MS = QUICK_MS * QUICK_LOOKS;
/** The most elements one look asks, so a page of countless undefined tags costs a short task. */
export const HOSTS_PER_LOOK = 1000;
/** Of those, how many are kept for empty standard elements, so their time can run out. */
export const STANDARD_PER_LOOK = HOSTS_PER_LOOK / 4;

/** How long to wait before look number `looks` (counted from 0 since custom elements were last added). */
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
 *   Most stay empty (spacers, icons, ad slots), so each is watched for STANDARD_WATCH_MS
 *   from when it was first listed, with a look every half second, and then let go for good
 *   (a rescan that lists it again does not bring it back, so a ticking clock beside an
 *   empty icon cannot keep the looks coming). One that has a child of its own at a look is
 *   read through its children instead (see readsShadowOf) and is let go too. A root
 *   attached later than that is read when the page changes the block around the element.
 *
 * An element the page removed is dropped until it is listed again. Looks come every half
 * second at first, then, once only custom elements wait, ever more rarely (see
 * delayBefore), and stop when nothing is left to wait for, or for good when `signal`
 * aborts.
 */
export class LateShadows {
  /** Custom elements waiting for a definition, in the order of their next look. */
  private readonly waiting = new Set<Element>();
  /**
   * Empty standard elements, looked at after the custom ones, each until its time
   * (performance.now()) is up.
   */
  private readonly standard = new Map<Element, number>();
  /**
   * Hosts never watched again: handed over, found by a reading (forget), defined without an
   * open root, or standard elements let go.
   */
  private readonly settled = new WeakSet<Element>();
  /** Looks since custom elements were last added: how far the looks have slowed down. */
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
   * cannot keep the looks from coming. A standard element listed again keeps its first time.
   */
  add(hosts: Iterable<Element>): void {
    if (this.signal.aborted) return;
    const [components, standard] = [this.waiting.size, this.standard.size];
    const until = performance.now() + STANDARD_WATCH_MS;
    for (const host of hosts) {
      if (this.settled.has(host)) continue;
      if ((kindOf(host.localName) & CUSTOM) !== 0) this.waiting.add(host);
      else if (!this.standard.has(host)) this.standard.set(host, until);
    }
    if (this.waiting.size > components) this.looks = 0;
    else if (this.standard.size === standard) return;
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
   * One look at the waiting elements, at most HOSTS_PER_LOOK of them: custom elements first,
   * up to STANDARD_PER_LOOK places kept for standard ones. Those still waiting go to the end
   * of their line, so the next look starts with the others.
   */
  look(): void {
    const found: ShadowRoot[] = [];
    const now = performance.now();
    const turn = (line: Iterable<Element>, most: number) => {
      const hosts: Element[] = [];
      for (const host of line) {
        if (hosts.length === most) break;
        hosts.push(host);
      }
      return hosts;
    };
    /** Whether the host's shadow root is here: then it is handed over (if it is read at all). */
    const handOver = (host: Element) => {
      const shadow = host.shadowRoot;
      if (!shadow) return false;
      this.settled.add(host);
      // Moved into an editor or a skipped element since it was read, or a standard element
      // that has children now: its root is not read now either.
      if (readsShadowOf(host) && !insideSkipped(host)) found.push(shadow);
      return true;
    };
    const kept = Math.min(this.standard.size, STANDARD_PER_LOOK);
    const components = turn(this.waiting.keys(), HOSTS_PER_LOOK - kept);
    for (const host of components) {
      this.waiting.delete(host);
      if (!host.isConnected || handOver(host)) continue;
      if (this.defined(host)) this.settled.add(host);
      else this.waiting.add(host);
    }
    for (const host of turn(this.standard.keys(), HOSTS_PER_LOOK - components.length)) {
      const until = this.standard.get(host) as number;
      this.standard.delete(host);
      if (!host.isConnected || handOver(host)) continue;
      if (now >= until || !readsShadowOf(host)) this.settled.add(host);
      else this.standard.set(host, until);
    }
    this.looks += 1;
    if (found.length > 0) this.onShadows(found);
  }

  private schedule(): void {
    const delay = this.standard.size > 0 ? QUICK_MS : delayBefore(this.looks);
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
