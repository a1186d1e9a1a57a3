import type { Point } from './position';

/** How long the pointer may be off both the mention and the card before the card goes. */
export const GRACE_MS = 350;

/** What the pointer is over, as far as cards are concerned. */
export type PointerTarget =
  | { kind: 'mention'; index: number; point?: Point }
  | { kind: 'card' }
  | { kind: 'none' };

/** Timers, replaceable in tests. */
export interface Clock {
  setTimeout(run: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

/** What the hover logic asks of the card and tells it. */
export interface HoverDeps {
  /** Rest time before a card opens (the reader's preference). */
  delayMs(): number;
  /** Time the pointer may spend outside mention and card before the card closes. */
  graceMs: number;
  /** The mention whose card is open, if any. */
  openIndex(): number | undefined;
  /** False while the open card must stay (pinned, or focus is in it). */
  mayReplace(): boolean;
  /** False while the open card must survive the pointer leaving (pinned, focused, tapped open). */
  mayHide(): boolean;
  /** Opens the card of a mention; `point` is where the pointer rests on it. */
  open(index: number, point?: Point): void;
  close(): void;
  clock?: Clock;
}

const browserClock: Clock = {
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms) as unknown as number,
  clearTimeout: (id) => globalThis.clearTimeout(id),
};

/**
 * Hover intent: a card opens after the pointer rests on a mention for the delay, and
 * closes after a grace period once the pointer is on neither the mention nor the card, so
 * the reader can cross the gap into the card (WCAG 1.4.13 "hoverable"). It never closes
 * on a timer while the pointer is on either (1.4.13 "persistent").
 */
export class HoverIntent {
  private showTimer: number | undefined;
  private pending: number | undefined;
  private hideTimer: number | undefined;
  private suppressed: number | undefined;
  /** The mention the pointer was last seen on. */
  private under: number | undefined;
  private readonly clock: Clock;

  constructor(private readonly deps: HoverDeps) {
    this.clock = deps.clock ?? browserClock;
  }

  /**
   * The pointer is now over `target`. `armed` is false when a required modifier key is not
   * held. `elapsedMs` is how long ago the pointer got there (the frame throttle's lag).
   */
  update(target: PointerTarget, armed = true, elapsedMs = 0): void {
    this.under = target.kind === 'mention' ? target.index : undefined;
    if (target.kind === 'card') {
      this.cancelShow();
      this.cancelHide();
      return;
    }
    const index = target.kind === 'mention' ? target.index : undefined;
    const point = target.kind === 'mention' ? target.point : undefined;
    if (index !== this.suppressed) this.suppressed = undefined;
    const open = this.deps.openIndex();
    if (index !== undefined && index === open) {
      this.cancelShow();
      this.cancelHide();
      return;
    }
    if (open !== undefined) this.scheduleHide();
    const blocked = !armed || index === this.suppressed || (open !== undefined && !this.deps.mayReplace());
    if (index === undefined || blocked) {
      this.cancelShow();
      return;
    }
    if (this.pending === index) return;
    this.cancelShow();
    this.pending = index;
    this.showTimer = this.clock.setTimeout(
      () => {
        this.showTimer = undefined;
        this.pending = undefined;
        this.cancelHide();
        this.deps.open(index, point);
      },
      Math.max(0, this.deps.delayMs() - elapsedMs),
    );
  }

  /**
   * After Escape: the mention under the pointer does not reopen until the pointer leaves it.
   * A card reached from the keyboard, its mention elsewhere, leaves hovering as it was.
   */
  suppress(index: number | undefined): void {
    this.suppressed = index !== undefined && index === this.under ? index : undefined;
    this.cancel();
  }

  /**
   * Escape while a card is about to open on hover: it does not open, and the mention stays
   * closed until the pointer leaves it. False when no card was about to open.
   */
  dismissPending(): boolean {
    const pending = this.pending;
    if (pending === undefined) return false;
    this.suppress(pending);
    return true;
  }

  /**
   * The mentions were numbered anew (a rescan): the dismissed mention, and the one under the
   * pointer, keep their meaning at their new numbers (undefined: no longer on the page).
   */
  renumber(newIndex: (old: number) => number | undefined): void {
    if (this.suppressed !== undefined) this.suppressed = newIndex(this.suppressed);
    if (this.under !== undefined) this.under = newIndex(this.under);
  }

  /** Forgets any pending open or close. */
  cancel(): void {
    this.cancelShow();
    this.cancelHide();
  }

  private scheduleHide(): void {
    if (this.hideTimer !== undefined || !this.deps.mayHide()) return;
    this.hideTimer = this.clock.setTimeout(() => {
      this.hideTimer = undefined;
      if (this.deps.mayHide()) this.deps.close();
    }, this.deps.graceMs);
  }

  private cancelShow(): void {
    if (this.showTimer !== undefined) this.clock.clearTimeout(this.showTimer);
    this.showTimer = undefined;
    this.pending = undefined;
  }

  private cancelHide(): void {
    if (this.hideTimer !== undefined) this.clock.clearTimeout(this.hideTimer);
    this.hideTimer = undefined;
  }
}
