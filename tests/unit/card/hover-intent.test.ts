import { type HoverDeps, HoverIntent, type PointerTarget } from '@/lib/content/card/hover-intent';

const DELAY = 300;
const GRACE = 350;
const on = (index: number): PointerTarget => ({ kind: 'mention', index });
const card: PointerTarget = { kind: 'card' };
const away: PointerTarget = { kind: 'none' };

function setup(overrides: Partial<HoverDeps> = {}) {
  let open: number | undefined;
  const deps = {
    delayMs: () => DELAY,
    graceMs: GRACE,
    openIndex: () => open,
    mayReplace: () => true,
    mayHide: () => true,
    open: vi.fn((index: number) => {
      open = index;
    }),
    close: vi.fn(() => {
      open = undefined;
    }),
    ...overrides,
  };
  return { hover: new HoverIntent(deps), deps, openIndex: () => open };
}

/** Mention `index` opens nothing while the pointer rests on it, and opens once it left and came back. */
function staysClosedUntilLeft(hover: HoverIntent, deps: { open: unknown }, index: number) {
  hover.update(on(index));
  vi.advanceTimersByTime(DELAY);
  expect(deps.open).not.toHaveBeenCalled();
  hover.update(away);
  hover.update(on(index));
  vi.advanceTimersByTime(DELAY);
  expect(deps.open).toHaveBeenCalledOnce();
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('hover intent', () => {
  it('opens a card once the pointer has rested on a mention for the delay', () => {
    const { hover, deps } = setup();
    hover.update(on(2));
    vi.advanceTimersByTime(DELAY - 1);
    expect(deps.open).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(deps.open).toHaveBeenCalledWith(2, undefined);
  });

  it('does not restart the delay while the pointer moves within the same mention', () => {
    const { hover, deps } = setup();
    hover.update(on(2));
    vi.advanceTimersByTime(200);
    hover.update(on(2));
    vi.advanceTimersByTime(100);
    expect(deps.open).toHaveBeenCalledOnce();
  });

  it('counts the time the pointer already spent on the mention', () => {
    const { hover, deps } = setup();
    hover.update(on(2), true, 16);
    vi.advanceTimersByTime(DELAY - 16);
    expect(deps.open).toHaveBeenCalledOnce();
  });

  it('opens nothing when the pointer only passes over a mention', () => {
    const { hover, deps } = setup();
    hover.update(on(2));
    vi.advanceTimersByTime(100);
    hover.update(away);
    vi.advanceTimersByTime(DELAY);
    expect(deps.open).not.toHaveBeenCalled();
  });

  it('closes the card a grace period after the pointer leaves', () => {
    const { hover, deps } = setup();
    hover.update(on(2));
    vi.advanceTimersByTime(DELAY);
    hover.update(away);
    vi.advanceTimersByTime(GRACE - 1);
    expect(deps.close).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(deps.close).toHaveBeenCalledOnce();
  });

  it('keeps the card while the pointer is on it', () => {
    const { hover, deps } = setup();
    hover.update(on(2));
    vi.advanceTimersByTime(DELAY);
    hover.update(away);
    vi.advanceTimersByTime(100);
    hover.update(card);
    vi.advanceTimersByTime(60_000);
    expect(deps.close).not.toHaveBeenCalled();
  });

  it('keeps the card when the pointer comes back to the mention within the grace period', () => {
    const { hover, deps } = setup();
    hover.update(on(2));
    vi.advanceTimersByTime(DELAY);
    hover.update(away);
    vi.advanceTimersByTime(100);
    hover.update(on(2));
    vi.advanceTimersByTime(60_000);
    expect(deps.close).not.toHaveBeenCalled();
  });

  it('shows one card at a time: another mention replaces the open card', () => {
    const { hover, openIndex } = setup();
    hover.update(on(2));
    vi.advanceTimersByTime(DELAY);
    hover.update(on(5));
    vi.advanceTimersByTime(DELAY);
    expect(openIndex()).toBe(5);
    vi.advanceTimersByTime(GRACE);
    expect(openIndex()).toBe(5);
  });

  it('does not replace a card that must stay', () => {
    const { hover, deps } = setup({ mayReplace: () => false, mayHide: () => false });
    hover.update(on(2));
    vi.advanceTimersByTime(DELAY);
    hover.update(on(5));
    vi.advanceTimersByTime(DELAY + GRACE);
    expect(deps.open).toHaveBeenCalledTimes(1);
    expect(deps.close).not.toHaveBeenCalled();
  });

  it('does not close a card that must survive the pointer leaving', () => {
    const { hover, deps } = setup({ mayHide: () => false });
    hover.update(on(2));
    vi.advanceTimersByTime(DELAY);
    hover.update(away);
    vi.advanceTimersByTime(60_000);
    expect(deps.close).not.toHaveBeenCalled();
  });

  it('keeps a card that must stay once the grace period has begun (focus moved into it)', () => {
    let mayHide = true;
    const { hover, deps } = setup({ mayHide: () => mayHide });
    hover.update(on(2));
    vi.advanceTimersByTime(DELAY);
    hover.update(away);
    vi.advanceTimersByTime(100);
    mayHide = false;
    vi.advanceTimersByTime(60_000);
    expect(deps.close).not.toHaveBeenCalled();
  });

  it('gives the full grace period from when a card may go, not from when the pointer first left', () => {
    let mayHide = false;
    const { hover, deps } = setup({ mayHide: () => mayHide });
    hover.update(on(2));
    vi.advanceTimersByTime(DELAY);
    hover.update(away);
    vi.advanceTimersByTime(300);
    mayHide = true;
    hover.update(away);
    vi.advanceTimersByTime(GRACE - 1);
    expect(deps.close).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(deps.close).toHaveBeenCalledOnce();
  });

  it('does not open a mention the pointer crossed on its way into the open card', () => {
    const { hover, deps, openIndex } = setup();
    hover.update(on(2));
    vi.advanceTimersByTime(DELAY);
    hover.update(on(5));
    vi.advanceTimersByTime(100);
    hover.update(card);
    vi.advanceTimersByTime(60_000);
    expect(deps.open).toHaveBeenCalledOnce();
    expect(openIndex()).toBe(2);
  });

  it('opens a mention the pointer passed over, left, and came back to rest on', () => {
    const { hover, deps } = setup();
    hover.update(on(2));
    vi.advanceTimersByTime(100);
    hover.update(away);
    hover.update(on(2));
    vi.advanceTimersByTime(DELAY);
    expect(deps.open).toHaveBeenCalledOnce();
  });

  it('opens nothing while a required modifier key is not held', () => {
    const { hover, deps } = setup();
    hover.update(on(2), false);
    vi.advanceTimersByTime(DELAY);
    expect(deps.open).not.toHaveBeenCalled();
    hover.update(on(2), true);
    vi.advanceTimersByTime(DELAY);
    expect(deps.open).toHaveBeenCalledOnce();
  });

  it('does not reopen a dismissed card until the pointer leaves its mention', () => {
    const { hover, deps } = setup();
    hover.update(on(2));
    hover.suppress(2);
    staysClosedUntilLeft(hover, deps, 2);
  });

  it('opens nothing when Escape comes during the hover delay, until the pointer leaves', () => {
    const { hover, deps } = setup();
    expect(hover.dismissPending()).toBe(false);
    hover.update(on(1));
    expect(hover.dismissPending()).toBe(true);
    vi.advanceTimersByTime(DELAY);
    staysClosedUntilLeft(hover, deps, 1);
  });

  it('keeps a dismissed mention closed when a rescan gives it another number', () => {
    const { hover, deps } = setup();
    hover.update(on(1));
    hover.suppress(1);
    // A mention was added before it: it is number 2 now, and the pointer has not moved.
    hover.renumber((old) => old + 1);
    staysClosedUntilLeft(hover, deps, 2);
  });

  it('a card dismissed away from the pointer opens at the next hover of its mention', () => {
    const { hover, deps } = setup();
    hover.update(away);
    // Reached from the keyboard, then Escape: the pointer was never on the mention.
    hover.suppress(2);
    hover.update(on(2));
    vi.advanceTimersByTime(DELAY);
    expect(deps.open).toHaveBeenCalledWith(2, undefined);
  });

  it('passes the resting point on, so a wrapped mention gets the card at the hovered line', () => {
    const { hover, deps } = setup();
    hover.update({ kind: 'mention', index: 1, point: { x: 10, y: 40 } });
    vi.advanceTimersByTime(DELAY);
    expect(deps.open).toHaveBeenCalledWith(1, { x: 10, y: 40 });
  });
});
