import type { Send } from '../../protocol/client';
import { REQUEST_LIMITS } from '../../protocol/limits';
import { liveRange } from '../highlights';
import type { MentionStore, PaintedMention } from '../mention-store';
import type { ActiveHighlight } from './active-highlight';
import type { CardRenderer } from './card-renderer';
import type { CardHost } from './host';
import { LastShown } from './last-shown';
import { sameRange } from './mention-index';
import { findOpenMention, type OpenCard, type OpenOptions, ORIGIN_RANK } from './open-card';
import { PageCards } from './page-cards';
import { cardTheme } from './page-theme';
import { followRange } from './position';
import { hideOnSite, openInManager } from './reader-actions';
import { directionAt } from './text-direction';

/** What the session works with; `send` replaces the messaging in tests. */
export interface CardSessionDeps {
  doc: Document;
  store: MentionStore;
  host: CardHost;
  active: ActiveHighlight;
  renderer: CardRenderer;
  send?: Send;
  /** Called after the reader chose "Don't mark on this site", so the page can repaint. */
  onHidden?: (cardId: string) => void;
}

/**
 * The one card on the page: which mention it belongs to, which of its cards is shown,
 * whether it is pinned, and the actions it offers. Renders through the renderer into the
 * host and keeps the card placed against the mention while it is open.
 */
export class CardSession {
  private current: OpenCard | undefined;
  private readonly last = new LastShown();
  /** The cards the page can show; shared with hit-testing and navigation. */
  readonly cards: PageCards;

  constructor(private readonly deps: CardSessionDeps) {
    this.cards = new PageCards(deps.store);
  }

  /** The mention whose card is open; undefined also while an open card's mention is gone. */
  get openIndex(): number | undefined {
    return this.current?.index;
  }

  /** True while a card is open, even one whose mention is gone for the moment. */
  get isOpen(): boolean {
    return this.current !== undefined;
  }

  /** True while the open card is pinned: only Escape or its close button closes it. */
  get pinned(): boolean {
    return this.current?.pinned === true;
  }

  /** The mention shown last, even after its card closed; keyboard navigation goes on from it. */
  get lastIndex(): number | undefined {
    return this.last.indexIn(this.deps.store.mentions);
  }

  /** Shows `status` in the open card's status line (read out by screen readers); false with no card open. */
  tell(status: string): boolean {
    const open = this.current;
    if (!open) return false;
    this.setStatus(open, open.cardId, status);
    return true;
  }

  /** True while focus is inside the card. */
  focusInside(): boolean {
    return this.deps.host.activeElement() !== null;
  }

  /** Whether the card may close because the pointer left: only unpinned, unfocused hover cards. */
  mayHide(): boolean {
    const open = this.current;
    return open !== undefined && open.origin === 'hover' && !open.pinned && !this.focusInside();
  }

  /** Whether a hover elsewhere may replace the card. */
  mayReplace(): boolean {
    return !this.current?.pinned && !this.focusInside();
  }

  /** Opens the card of mention `index`, replacing any other; false when it has no card to show. */
  open(index: number, options: OpenOptions): boolean {
    const mention = this.deps.store.mentions[index];
    const cardIds = this.cards.ofMention(index);
    const first = cardIds[0];
    // The page replaced its text and the rescan is on the way: a card placed against text
    // no longer on the page would land at its corner, and the rescan finds nothing of it.
    if (!mention?.range.startContainer.isConnected || first === undefined) return false;
    const wanted = options.cardId && cardIds.includes(options.cardId) ? options.cardId : undefined;
    const open = this.current;
    // A hover never replaces a card that must stay, even one whose mention is gone.
    if (open && open.index !== index && options.origin === 'hover' && !this.mayReplace()) return false;
    if (open?.index === index) {
      if (ORIGIN_RANK[options.origin] > ORIGIN_RANK[open.origin]) open.origin = options.origin;
      open.returnFocus = this.focusOutside() ?? open.returnFocus;
      if (wanted) open.cardId = wanted;
      this.render();
    } else {
      // Measured while the card is open; undefined if the text changed before its rescan.
      const live = liveRange(mention.range);
      if (!live) return false;
      open?.follower?.stop();
      const float = this.deps.host.float();
      const next: OpenCard = {
        index,
        range: mention.range,
        live,
        text: live.toString(),
        cardIds,
        cardId: wanted ?? first,
        origin: options.origin,
        pinned: false,
        dir: directionAt(mention.range),
        // Where the reader is now on the page; from inside a card, where they came from.
        returnFocus: this.focusOutside() ?? open?.returnFocus ?? null,
        follower: undefined,
      };
      this.current = next;
      this.last.set(mention.range, live);
      this.deps.active.show(mention.range);
      // Floating UI reads the direction to mirror "start" placements on RTL pages.
      float.dir = next.dir;
      this.render();
      // Placed after the first render, so Floating UI measures the card's real size.
      next.follower = followRange(live, float, options.point, () => this.focusInside());
    }
    if (options.focus) this.focusCard();
    return true;
  }

  /** Closes the card; focus goes back where it was when `restoreFocus` and focus was inside. */
  close({ restoreFocus = false } = {}): boolean {
    const open = this.current;
    if (!open) return false;
    const hadFocus = this.focusInside();
    open.follower?.stop();
    this.current = undefined;
    this.deps.store.setShown([]);
    this.deps.active.clear();
    this.deps.renderer.render(null, this.deps.host.float());
    if (hadFocus && restoreFocus && open.returnFocus?.isConnected)
      open.returnFocus.focus({ preventScroll: true });
    // Emptied, and taken off the page until a card opens again.
    this.deps.host.release();
    return true;
  }

  /**
   * Follows a store change: the open card stays if its mention is still painted, and moves
   * to it if it was painted anew. When it is not found, a card the reader pinned or holds
   * focus in stays where it was (a live blog replaced the text around it, and may put the
   * mention back at the next update); only Escape or its close button end it, or its
   * cards being deleted (or hidden on the site) meanwhile. Other cards close.
   */
  refresh(): void {
    this.cards.reset();
    const open = this.current;
    if (!open) return;
    const index = findOpenMention(this.deps.store.mentions, open);
    const cardIds = index === undefined ? [] : this.cards.ofMention(index);
    const range = index === undefined ? undefined : (this.deps.store.mentions[index] as PaintedMention).range;
    const moved = range !== open.range || open.live.collapsed;
    if (index !== undefined && range && cardIds.length > 0 && (!moved || this.follow(open, range))) {
      open.index = index;
      open.cardIds = cardIds;
      if (!this.cards.get(open.cardId)) open.cardId = cardIds[0] as string;
      this.render();
    } else if ((open.pinned || this.focusInside()) && this.dropGone(open)) {
      open.index = undefined;
      this.deps.active.clear();
      this.render();
    } else {
      this.close({ restoreFocus: true });
    }
  }

  /**
   * Leaves out of a card whose mention is gone the cards the last scan says are gone (see
   * MentionStore.gone); false when none of its cards is left to show.
   */
  private dropGone(open: OpenCard): boolean {
    const { gone } = this.deps.store;
    open.cardIds = open.cardIds.filter((id) => !gone.has(id));
    if (!gone.has(open.cardId)) return true;
    const next = open.cardIds[0];
    if (next === undefined) return false;
    open.cardId = next;
    return true;
  }

  /**
   * Moves the open card, its tint and keyboard navigation's start to the mention's new
   * range; false when that range cannot be measured.
   */
  private follow(open: OpenCard, range: AbstractRange): boolean {
    const live = sameRange(open.live, range) && !open.live.collapsed ? open.live : liveRange(range);
    if (!live) return false;
    open.range = range;
    this.last.set(range, live);
    this.deps.active.show(range);
    if (live !== open.live) {
      open.follower?.stop();
      open.live = live;
      open.follower = followRange(live, this.deps.host.float(), undefined, () => this.focusInside());
    }
    return true;
  }

  /** The page element focused before the card took focus, to give focus back on close. */
  private focusOutside(): HTMLElement | null {
    let focused = this.deps.doc.activeElement;
    // Inside a component's open shadow root, the control itself, not its host. (Our own
    // host's root is closed: its shadowRoot reads null.)
    while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
    if (!(focused instanceof HTMLElement) || focused === this.deps.doc.body) return null;
    return this.deps.host.isHost(focused) ? null : focused;
  }

  private focusCard(): void {
    this.deps.host.float().querySelector<HTMLElement>('[role="dialog"]')?.focus({ preventScroll: true });
  }

  private select(cardId: string): void {
    const open = this.current;
    if (!open || !this.cards.get(cardId)) return;
    const hadFocus = this.focusInside();
    open.cardId = cardId;
    open.status = undefined;
    this.render();
    // The button that was pressed may be gone; keep keyboard readers inside the card.
    if (hadFocus) this.focusCard();
  }

  private edit(open: OpenCard): void {
    const { cardId } = open;
    openInManager(cardId, this.deps.send).then((problem) => problem && this.setStatus(open, cardId, problem));
  }

  private hide(open: OpenCard): void {
    const { cardId } = open;
    hideOnSite(this.deps.doc.location.href, cardId, this.deps.send).then((problem) => {
      if (problem) return this.setStatus(open, cardId, problem);
      this.cards.hide(cardId);
      // Not a card the reader switched to meanwhile (the chooser, a related card).
      if (this.current === open && open.cardId === cardId) this.close({ restoreFocus: true });
      this.deps.onHidden?.(cardId);
    });
  }

  /** Says `status` on the open card, while it still shows the card the answer is about. */
  private setStatus(open: OpenCard, cardId: string, status: string): void {
    if (open.cardId !== cardId) return;
    open.status = status;
    if (this.current === open) this.render();
  }

  private render(): void {
    const open = this.current;
    const card = open && this.cards.get(open.cardId);
    if (!open || !card) return;
    this.deps.store.setShown(
      [...new Set([open.cardId, ...open.cardIds])].slice(0, REQUEST_LIMITS.shownCards),
    );
    this.deps.renderer.render(
      {
        card,
        choices: open.cardIds.length > 1 ? this.cards.pick(open.cardIds) : [],
        related: this.cards.pick(card.related).filter((related) => related.id !== card.id),
        pinned: open.pinned,
        theme: cardTheme(this.deps.store.preferences.theme, this.deps.doc),
        dir: open.dir,
        status: open.status,
        onSelect: (id) => this.select(id),
        onPin: (pinned) => {
          open.pinned = pinned;
          this.render();
        },
        onClose: () => this.close({ restoreFocus: true }),
        onEdit: () => this.edit(open),
        onHide: () => this.hide(open),
      },
      this.deps.host.float(),
    );
  }
}
