import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { GRACE_MS } from '@/lib/content/card/hover-intent';
import { DEFAULT_PREFERENCES, PREFERENCES_KEY } from '@/lib/protocol/preferences';
import { EXTENSION_DIR } from '../support/launch';
import { putRecord } from '../support/load-cards';
import { readPainted } from '../support/painted-ranges';
import type { StaticServer } from '../support/static-server';
import { openPinnedNatoCard, serviceWorker, startCardPages, visit } from './card/card-pages';
import type { CardProbe } from './card/card-probe';
import { boundCommands, sendToActiveTab, zoomActiveTab } from './card/extension-side';
import { CARD_OVERFLOW, expectCardUnder, type Rect } from './card/placement';
import { expect, paintedMentions, test } from './fixtures';

// How the card opens, stays and goes: pointer, keyboard, touch, and where it lands.
// Isolation, accessibility and hostile data: tests/e2e/card/safety.spec.ts.

const DELAY_MS = DEFAULT_PREFERENCES.hoverDelayMs;
let server: StaticServer;
test.beforeAll(async () => {
  server = await startCardPages();
});
test.afterAll(() => server.close());

/** When the card was created and when it was first seen on screen, from the page's side. */
interface CardTiming {
  /** Milliseconds from the pointer event to the card's host being added to the page. */
  opened: number;
  /** Animation frames that ran after that without the card on screen. */
  framesWithoutCard: number;
}

/**
 * Watches, from the page, for the pointer reaching `pointer`, the host being added (the
 * card's first open creates it), and the first animation frame in which the card covers
 * `at`. Counting frames rather than milliseconds keeps the check meaningful on a loaded
 * machine, where every timer and frame is late.
 */
async function watchForCard(page: Page, at: { x: number; y: number }, pointer: { x: number }) {
  await page.evaluate(
    ({ at, pointer }) => {
      const t: { moved?: number; opened?: number; frames: number; shown?: boolean } = { frames: 0 };
      Object.assign(window, { cardTiming: t });
      addEventListener('pointermove', (e) => {
        if (Math.abs(e.clientX - pointer.x) < 1) t.moved ??= e.timeStamp;
      });
      new MutationObserver(() => {
        if (document.querySelector('backstory-card')) t.opened ??= performance.now();
      }).observe(document.documentElement, { childList: true });
      const tick = () => {
        if (t.opened !== undefined && document.elementFromPoint(at.x, at.y)?.localName === 'backstory-card') {
          t.shown = true;
          return;
        }
        if (t.opened !== undefined) t.frames += 1;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    },
    { at, pointer },
  );
  return async (): Promise<CardTiming> => {
    const handle = await page.waitForFunction(() => {
      const t = (
        window as unknown as {
          cardTiming: { moved?: number; opened?: number; frames: number; shown?: boolean };
        }
      ).cardTiming;
      return (
        t.moved !== undefined &&
        t.opened !== undefined &&
        t.shown && { opened: t.opened - t.moved, framesWithoutCard: t.frames }
      );
    });
    return (await handle.jsonValue()) as CardTiming;
  };
}

/** Rests the pointer on the middle of `box` and waits for the card; returns the card's box. */
async function openOn(page: Page, card: CardProbe, box: Rect & { right: number }) {
  await page.mouse.move((box.left + box.right) / 2, (box.top + box.bottom) / 2);
  await expect.poll(() => card.isOpen()).toBe(true);
  return card.box();
}

test.describe('the background card', () => {
  test('resting on a mention shows its card after the delay, and leaving hides it', async ({ extension }) => {
    const { page, card } = await visit(extension, server, '/demo.html');
    const nato = await card.mention('NATO');
    await card.settle();
    await page.mouse.move(5, 5);
    const elapsed = await watchForCard(page, { x: nato.left + 12, y: nato.bottom + 24 }, nato);
    await page.mouse.move(nato.x, nato.y);
    const timing = await elapsed();
    test.info().annotations.push({ type: 'pointer to card', description: `${timing.opened.toFixed(1)} ms` });
    // Not before the delay, counted from the pointer event itself.
    expect(timing.opened).toBeGreaterThanOrEqual(DELAY_MS - 1);
    // Generous: timers run late on a loaded two-core machine.
    expect(timing.opened).toBeLessThan(DELAY_MS + 1000);
    // On screen in the first frame after it opens: render and placement happen before paint.
    expect(timing.framesWithoutCard).toBe(0);
    expect(await card.accessible()).toEqual({ role: 'dialog', name: 'NATO' });

    await page.mouse.move(5, 5);
    await expect.poll(() => card.isOpen()).toBe(false);
    // Closed, its host is off the page: nothing tells the page a card was opened.
    expect(await page.evaluate(() => document.getElementsByTagName('backstory-card').length)).toBe(0);
  });

  test('with the Alt key setting, resting on a mention opens nothing until Alt is held', async ({
    extension,
  }) => {
    await putRecord(extension.context, extension.extensionId, 'settings', {
      key: PREFERENCES_KEY,
      value: { ...DEFAULT_PREFERENCES, modifier: 'alt' },
    });
    const { page, card } = await visit(extension, server, '/plain.html');
    const nato = await card.mention('NATO');
    await page.mouse.move(nato.x, nato.y);
    await page.waitForTimeout(DELAY_MS + GRACE_MS + 300);
    expect(await card.isOpen()).toBe(false);
    // An Alt a page's script makes up does not count as the reader holding it.
    await page.evaluate(() =>
      dispatchEvent(new KeyboardEvent('keydown', { key: 'Alt', altKey: true, bubbles: true })),
    );
    await page.waitForTimeout(DELAY_MS + GRACE_MS + 300);
    expect(await card.isOpen()).toBe(false);
    // What the browser would do with a lone Alt release (open its menu bar), seen from the page.
    await page.evaluate(() => {
      const releases: boolean[] = [];
      Object.assign(window, { altReleases: releases });
      addEventListener('keyup', (e) => e.key === 'Alt' && releases.push(e.defaultPrevented));
    });
    const altReleases = () =>
      page.evaluate(() => (window as unknown as { altReleases: boolean[] }).altReleases);
    // Pressing Alt with the pointer resting is enough; no move is needed.
    await page.keyboard.down('Alt');
    await expect.poll(() => card.isOpen()).toBe(true);
    await page.keyboard.up('Alt');
    // Used for the card, the release is kept from the browser's menu bar.
    expect(await altReleases()).toEqual([true]);
    await page.mouse.move(5, 5);
    await expect.poll(() => card.isOpen()).toBe(false);
    // Away from any mention, Alt is left to the browser.
    await page.keyboard.press('Alt');
    expect(await altReleases()).toEqual([true, false]);
    // Moving onto the mention with Alt already held opens it too.
    await page.keyboard.down('Alt');
    await page.mouse.move(nato.x, nato.y);
    await expect.poll(() => card.isOpen()).toBe(true);
    await page.keyboard.up('Alt');
  });

  test('moving into the card keeps it, and Escape closes it without moving the pointer', async ({
    extension,
  }) => {
    const { page, card } = await visit(extension, server, '/demo.html');
    const nato = await card.hoverOpen('NATO');
    const box = (await card.box()) as NonNullable<Awaited<ReturnType<CardProbe['box']>>>;
    await page.mouse.move(box.x, box.top + 30, { steps: 6 });
    await page.waitForTimeout(GRACE_MS + 400);
    expect(await card.isOpen()).toBe(true);

    await page.mouse.move(nato.x, nato.y, { steps: 6 });
    await page.keyboard.press('Escape');
    expect(await card.isOpen()).toBe(false);
    // Still resting on the mention: dismissed means dismissed until the pointer leaves.
    await page.waitForTimeout(DELAY_MS + 300);
    expect(await card.isOpen()).toBe(false);
  });

  test('the keyboard commands walk the mentions and open each card with focus in it', async ({
    extension,
  }) => {
    const manifest = JSON.parse(readFileSync(resolve(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.commands['next-mention'].suggested_key.default).toBe('Alt+Shift+Period');
    expect(manifest.commands['previous-mention'].suggested_key.default).toBe('Alt+Shift+Comma');
    const worker = serviceWorker(extension);
    expect(await boundCommands(worker)).toEqual(
      expect.arrayContaining([
        ['next-mention', 'Alt+Shift+Period'],
        ['previous-mention', 'Alt+Shift+Comma'],
      ]),
    );

    const { page, card } = await visit(extension, server, '/demo.html');
    await card.mention('NATO');
    const painted = await paintedMentions(page);
    const next = () => sendToActiveTab(worker, 'tab.navigate', { direction: 'next' });
    const previous = () => sendToActiveTab(worker, 'tab.navigate', { direction: 'previous' });

    expect(await next()).toEqual({ ok: true, result: { found: true } });
    expect(await card.activeMention()).toBe(painted[0]);
    expect(await card.focused()).toBe('dialog');
    await page.keyboard.press('Tab');
    expect(await card.focused()).toBe('Pin card');
    await page.keyboard.press('Tab');
    expect(await card.focused()).toBe('Close card');
    await page.keyboard.press('Escape');
    expect(await card.isOpen()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('body');

    await next();
    expect(await card.activeMention()).toBe(painted[1]);
    await previous();
    expect(await card.activeMention()).toBe(painted[0]);
    expect(await previous()).toEqual({ ok: true, result: { found: false } });
    // The card stays on the first mention and says so, in its status line.
    expect(await card.activeMention()).toBe(painted[0]);
    expect(
      await card.inCard<string>('function () { return this.querySelector("[role=status]")?.textContent; }'),
    ).toBe('This is the first marked term on the page.');

    const revealed = await sendToActiveTab(worker, 'tab.reveal', { cardId: 'black-sea-grain-initiative' });
    expect(revealed).toEqual({ ok: true, result: { found: true } });
    expect(await card.accessible()).toEqual({ role: 'dialog', name: 'Black Sea Grain Initiative' });
    expect(await card.focused()).toBe('dialog');
    const box = await card.box();
    expect(box?.top).toBeGreaterThanOrEqual(0);
    expect(box?.bottom).toBeLessThanOrEqual(800);
  });

  test('an open card stays when the page puts text before its mention in the same text node', async ({
    extension,
  }) => {
    const { page, card } = await openPinnedNatoCard(extension, server);
    /** Where the first painted "NATO" starts in its text node, and that node's text. */
    const natoStart = () =>
      page.evaluate(() => {
        for (const painted of CSS.highlights.get('backstory-mention') ?? []) {
          const text = painted.startContainer as Text;
          if (text.data.slice(painted.startOffset, painted.endOffset) === 'NATO')
            return { offset: painted.startOffset, data: text.data };
        }
        return undefined;
      });
    /** Puts `words` into the text node that reads `data`, at `at`. */
    const insert = (data: string | undefined, at: number, words: string) =>
      page.evaluate(
        ([data, at, words]) => {
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if ((node as Text).data === data) return (node as Text).insertData(at, words);
          }
        },
        [data, at, words] as const,
      );
    const before = await natoStart();
    expect(before).toBeDefined();
    await insert(before?.data, 0, 'Indeed, ');
    // The rescan paints the mention where its text now is.
    await expect.poll(async () => (await natoStart())?.offset).toBe((before?.offset ?? 0) + 8);
    expect(await card.isOpen()).toBe(true);
    expect(await card.activeMention()).toBe('NATO');
    expect((await card.accessible())?.name).toBe('NATO');
    // Right at the mention's start, where only the end of the card's live Range moves.
    const moved = await natoStart();
    await insert(moved?.data, moved?.offset ?? 0, 'the ');
    await expect.poll(async () => (await natoStart())?.offset).toBe((moved?.offset ?? 0) + 4);
    expect(await card.isOpen()).toBe(true);
    expect(await card.activeMention()).toBe('NATO');
  });

  test('a pinned card stays when the pointer leaves, another mention is hovered or the page is pressed; only Escape or close ends it', async ({
    extension,
  }) => {
    const { page, card } = await visit(extension, server, '/demo.html');
    const nato = await card.mention('NATO');
    const hague = await card.mention('The Hague summit');
    const control = (name: string) =>
      card.inCard<{ x: number; y: number; pressed: string | null }>(
        `function (name) {
          const button = this.querySelector('[aria-label="' + name + '"]');
          const r = button.getBoundingClientRect();
          return { x: (r.left + r.right) / 2, y: (r.top + r.bottom) / 2, pressed: button.getAttribute('aria-pressed') };
        }`,
        name,
      );
    const pin = () => control('Pin card');
    await page.mouse.move(nato.x, nato.y);
    await expect.poll(() => card.isOpen()).toBe(true);
    const button = (await pin()) as NonNullable<Awaited<ReturnType<typeof pin>>>;
    expect(button.pressed).toBe('false');
    // To the pin button through the card, as a reader's pointer goes, and click it.
    await page.mouse.move(button.x, button.y, { steps: 6 });
    await page.mouse.click(button.x, button.y);
    expect((await pin())?.pressed).toBe('true');

    // A press elsewhere on the page takes focus out of the card (a focused card stays for that
    // reason alone) and does not close a pinned card.
    await page.mouse.click(5, 5);
    await card.tap(5, 5);
    await page.waitForTimeout(300);
    expect(await card.focused()).toBeUndefined();
    expect((await card.accessible())?.name).toBe('NATO');
    await page.mouse.move(5, 40, { steps: 6 });
    await page.waitForTimeout(GRACE_MS + 400);
    expect(await card.isOpen()).toBe(true);
    await page.mouse.move(hague.x, hague.y, { steps: 6 });
    await page.waitForTimeout(DELAY_MS + 400);
    expect((await card.accessible())?.name).toBe('NATO');

    await page.keyboard.press('Escape');
    await expect.poll(() => card.isOpen()).toBe(false);

    // Pinned from the keyboard this time, and closed with the close button.
    await page.mouse.move(nato.x, nato.y, { steps: 6 });
    await expect.poll(() => card.isOpen()).toBe(true);
    expect((await pin())?.pressed).toBe('false');
    await card.pressControl('Pin card');
    expect((await pin())?.pressed).toBe('true');
    const close = (await control('Close card')) as NonNullable<Awaited<ReturnType<typeof control>>>;
    await page.mouse.move(close.x, close.y, { steps: 6 });
    await page.mouse.click(close.x, close.y);
    await expect.poll(() => card.isOpen()).toBe(false);
  });

  test('a tap opens the card on a touch screen, and a tap outside closes it', async ({ extension }) => {
    const { card } = await visit(extension, server, '/demo.html');
    const nato = await card.mention('NATO');
    await card.tap(nato.x, nato.y);
    await expect.poll(() => card.isOpen()).toBe(true);
    expect((await card.accessible())?.name).toBe('NATO');
    await card.tap(5, 5);
    await expect.poll(() => card.isOpen()).toBe(false);
  });

  test('selecting text with the mouse across a mention opens no card, however long the button is held there', async ({
    extension,
  }) => {
    const { page, card } = await visit(extension, server, '/plain.html');
    const nato = await card.mention('NATO');
    await card.settle();
    // From the end of the sentence, back over "NATO", resting there with the button down.
    // Whole pixels: headless Chromium 156 selects nothing in a drag that starts between two.
    await page.mouse.move(Math.round(nato.right + 150), Math.round(nato.y));
    await page.mouse.down();
    await page.mouse.move(Math.round(nato.x), Math.round(nato.y), { steps: 8 });
    await page.waitForTimeout(DELAY_MS + 600);
    expect(await card.isOpen()).toBe(false);
    await page.mouse.up();
    expect(await page.evaluate(() => getSelection()?.toString())).toContain('leaders meet');
    // Pointing at it afterwards still opens it.
    await page.mouse.move(nato.x + 2, nato.y);
    await expect.poll(() => card.isOpen()).toBe(true);
  });

  test('a click on a mention, with the hand’s small wobble between press and release, leaves its card open', async ({
    extension,
  }) => {
    const { page, card } = await visit(extension, server, '/plain.html');
    const nato = await card.hoverOpen('NATO');
    await page.mouse.move(nato.x, nato.y);
    await page.mouse.down();
    await page.mouse.move(nato.x + 3, nato.y + 1, { steps: 2 });
    await page.mouse.up();
    await page.waitForTimeout(GRACE_MS + 400);
    expect(await card.isOpen()).toBe(true);
  });

  test('mentions the page’s own script clears from the registry are painted again as the pointer moves', async ({
    extension,
  }) => {
    const { page, card } = await visit(extension, server, '/plain.html');
    const nato = await card.mention('NATO');
    await card.settle();
    // As a find widget does before setting its own highlight.
    await page.evaluate(() => {
      CSS.highlights.clear();
      CSS.highlights.set('page-find', new Highlight());
    });
    expect(await page.evaluate(() => CSS.highlights.has('backstory-mention'))).toBe(false);
    await page.mouse.move(5, 5);
    await page.mouse.move(20, 20);
    await expect.poll(() => page.evaluate(() => CSS.highlights.get('backstory-mention')?.size)).toBe(1);
    expect(await page.evaluate(() => CSS.highlights.has('page-find'))).toBe(true);
    await page.mouse.move(nato.x, nato.y);
    await expect.poll(() => card.isOpen()).toBe(true);
  });

  test('a mention inside a component’s open shadow root opens its card on hover and on a tap', async ({
    extension,
  }) => {
    const { page, card } = await visit(extension, server, '/component.html');
    const kremlin = await card.hoverOpen('Kremlin');
    expect((await card.accessible())?.name).toBe('Kremlin');
    await page.mouse.move(5, 5);
    await expect.poll(() => card.isOpen()).toBe(false);
    await card.tap(kremlin.x, kremlin.y);
    await expect.poll(() => card.isOpen()).toBe(true);
    expect((await card.accessible())?.name).toBe('Kremlin');
  });

  test('a card by the bottom right corner flips and shifts to stay fully visible', async ({ extension }) => {
    const size = { width: 800, height: 600 };
    const { card } = await visit(extension, server, '/edges.html', size);
    const nato = await card.hoverOpen('NATO');
    const box = await card.box();
    expect(box?.left).toBeGreaterThanOrEqual(0);
    expect(box?.top).toBeGreaterThanOrEqual(0);
    expect(box?.right).toBeLessThanOrEqual(size.width);
    expect(box?.bottom).toBeLessThanOrEqual(nato.top);
  });

  test('on a right-to-left page the card is mirrored and aligned to the mention’s start', async ({
    extension,
  }) => {
    const { card } = await visit(extension, server, '/rtl.html');
    const nato = await card.hoverOpen('NATO');
    const dir = await card.inCard<string>('function () { return this.querySelector("[role=dialog]").dir; }');
    expect(dir).toBe('rtl');
    const box = await card.box();
    expect(Math.abs((box?.right ?? 0) - Math.round(nato.right))).toBeLessThanOrEqual(1);
  });

  test('a mention that wraps gets its card below all of it, or below the piece hovered when the pieces are apart', async ({
    extension,
  }) => {
    const { page, card } = await visit(extension, server, '/layouts.html');
    await card.mention('The Hague summit', 1);
    /** The line boxes of the `nth` painted "The Hague summit". */
    const linesOf = async (nth: number) =>
      (await page.evaluate(readPainted, 'backstory-mention')).filter((r) => r.text === 'The Hague summit')[
        nth
      ]?.rects ?? [];
    const restOn = async (line: Rect & { right: number }) => {
      await page.mouse.move(5, 5);
      await expect.poll(() => card.isOpen()).toBe(false);
      return openOn(page, card, line);
    };

    // In the narrow column the two lines overlap side by side: a card under the hovered
    // first line would cover the second, so it goes under the last.
    const column = await linesOf(0);
    expect(column).toHaveLength(2);
    const [first, second] = column as [(typeof column)[number], (typeof column)[number]];
    expect(first.left).toBeLessThan(second.right);
    expectCardUnder(await restOn(first), second);

    // In the monospace paragraph the pieces are apart: the card goes under the one hovered.
    const apart = await linesOf(1);
    expect(apart).toHaveLength(2);
    const [head, tail] = apart as [(typeof apart)[number], (typeof apart)[number]];
    expect(head.left).toBeGreaterThan(tail.right);
    expectCardUnder(await restOn(head), head);
  });

  test('a mention in a scrolled box gets its card under it, and the card follows the box scrolling', async ({
    extension,
  }) => {
    const { page, card } = await visit(extension, server, '/layouts.html');
    await page.evaluate(() => document.getElementById('inside')?.scrollIntoView({ block: 'center' }));
    const nato = await card.mention('NATO');
    const before = await openOn(page, card, nato);
    expectCardUnder(before, nato);
    // The pointer rests in the card, which keeps it open while the box scrolls.
    await page.mouse.move(before?.x ?? 0, before?.y ?? 0, { steps: 4 });
    await page.evaluate(() => {
      (document.getElementById('scroller') as HTMLElement).scrollTop += 20;
    });
    await expect.poll(async () => Math.round(((await card.box())?.top ?? 0) - (before?.top ?? 0))).toBe(-20);
  });

  test('a card following its mention as the page scrolls adds no layout shift to the page’s own metrics', async ({
    extension,
  }) => {
    const { page, card } = await visit(extension, server, '/layouts.html');
    await page.evaluate(() => {
      const shifts: number[] = [];
      Object.assign(window, { shifts });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) shifts.push((entry as unknown as { value: number }).value);
      }).observe({ type: 'layout-shift' });
      document.getElementById('inside')?.scrollIntoView({ block: 'center' });
    });
    const nato = await card.mention('NATO');
    const before = await openOn(page, card, nato);
    await page.mouse.move(before?.x ?? 0, before?.y ?? 0, { steps: 4 });
    for (let step = 0; step < 4; step++) {
      await page.evaluate(() => {
        (document.getElementById('scroller') as HTMLElement).scrollTop += 10;
      });
      await page.evaluate(
        () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
      );
    }
    await expect.poll(async () => Math.round(((await card.box())?.top ?? 0) - (before?.top ?? 0))).toBe(-40);
    expect(await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts)).toEqual([]);
  });

  test('on a page that zooms itself with CSS, the card still lands under the mention', async ({
    extension,
  }) => {
    const { page, card } = await visit(extension, server, '/zoomed.html');
    const nato = await card.mention('NATO');
    const box = await openOn(page, card, nato);
    expectCardUnder(box, nato);
    // Drawn at its own size (360 px wide at most), not the page's 1.5×.
    expect((box?.right ?? 0) - (box?.left ?? 0)).toBeLessThanOrEqual(360);
  });

  for (const { zoom, width, height } of [
    { zoom: 2, width: 800, height: 600 },
    // 400% of a 1280 px window leaves 320 CSS px: the width WCAG's reflow criterion names.
    { zoom: 4, width: 1280, height: 720 },
  ]) {
    test(`at the browser's own zoom of ${zoom * 100}%, the card lands under the mention and fits the narrower window`, async ({
      extension,
    }) => {
      const { page, card } = await visit(extension, server, '/plain.html', { width, height });
      await card.mention('NATO');
      await page.bringToFront();
      await zoomActiveTab(serviceWorker(extension), zoom);
      await expect.poll(() => page.evaluate(() => innerWidth)).toBe(width / zoom);
      const nato = await card.mention('NATO');
      // Playwright moves the pointer in the page's CSS pixels, zoomed as the page measures.
      await page.mouse.move(nato.x, nato.y);
      await expect.poll(() => card.isOpen()).toBe(true);
      const box = await card.box();
      expectCardUnder(box, nato);
      expect(box?.right).toBeLessThanOrEqual(width / zoom);
      expect(box?.bottom).toBeLessThanOrEqual(height / zoom);
      // Nothing in the card sticks out of its right edge or needs scrolling sideways.
      const overflow = await card.inCard<string[]>(CARD_OVERFLOW);
      expect(overflow).toEqual([]);
    });
  }

  test('on a scrolled page whose <html> has a filter (as dark-mode tools set), the card lands under the mention', async ({
    extension,
  }) => {
    const { page, card } = await visit(extension, server, '/filtered.html');
    await page.evaluate(() => window.scrollTo(0, 1200));
    const nato = await card.mention('NATO');
    expectCardUnder(await openOn(page, card, nato), nato);
  });
});
