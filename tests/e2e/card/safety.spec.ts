import type { Page } from '@playwright/test';
import type { Card } from '@/lib/pack/types';
import type { ExtensionBrowser } from '../../support/launch';
import { contrastRatio } from '../../support/pixels';
import type { StaticServer } from '../../support/static-server';
import { expect, paintedMentions, test } from '../fixtures';
import { serviceWorker, startCardPages, visit } from './card-pages';
import type { CardProbe } from './card-probe';
import { hiddenCardsOn, putRawCards, sendToActiveTab } from './extension-side';

// The card against the page and against its own data: page CSS and scripts, accessibility,
// hostile card content, and the "don't mark" action that writes to the database.

const CORNER = 10; // the card's border radius
let server: StaticServer;
test.beforeAll(async () => {
  server = await startCardPages();
});
test.afterAll(() => server.close());

/** The plain page, allowed to use the clipboard, and a way to copy with Ctrl+C and read what was copied. */
async function visitToCopy(extension: ExtensionBrowser) {
  const { page, card } = await visit(extension, server, '/plain.html');
  await page
    .context()
    .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url('/')).origin });
  const copied = async () => {
    await page.keyboard.press('Control+c');
    return page.evaluate(() => navigator.clipboard.readText());
  };
  return { page, card, copied };
}

/** Three presses on the open card's title select it, as anywhere else. */
async function selectCardTitle(page: Page, card: CardProbe): Promise<void> {
  const box = (await card.box()) as NonNullable<Awaited<ReturnType<CardProbe['box']>>>;
  await page.mouse.move(box.left + 40, box.top + 24, { steps: 4 });
  await page.mouse.click(box.left + 40, box.top + 24, { clickCount: 3 });
}

test.describe('the background card, kept safe', () => {
  test('page CSS cannot restyle the card and page scripts cannot read it', async ({ extension }) => {
    const shots: { size: string; png: Buffer }[] = [];
    for (const path of ['/plain.html', '/hostile.html']) {
      const { page, card } = await visit(extension, server, path, { width: 1000, height: 900 });
      await card.hoverOpen('NATO');
      const box = (await card.box()) as NonNullable<Awaited<ReturnType<CardProbe['box']>>>;
      const [width, height] = [box.right - box.left, box.bottom - box.top];
      // Two bands that cover the card but its rounded corners, where the page shows through.
      const bands = [
        { x: box.left, y: box.top + CORNER, width, height: height - 2 * CORNER },
        { x: box.left + CORNER, y: box.top, width: width - 2 * CORNER, height },
      ];
      const pngs: Buffer[] = [];
      for (const clip of bands) pngs.push(await page.screenshot({ clip }));
      shots.push({ size: `${width}x${height}`, png: Buffer.concat(pngs) });

      const seen = await page.evaluate(() => {
        const host = document.querySelector('backstory-card');
        return {
          parent: host?.parentElement?.localName,
          shadowRoot: host?.shadowRoot ?? null,
          children: host?.childNodes.length,
          text: host?.textContent,
          inBody: document.body.querySelector('backstory-card') !== null,
          cardTextInPage: document.documentElement.textContent?.includes(
            'North Atlantic Treaty Organization',
          ),
        };
      });
      expect(seen).toEqual({
        parent: 'html',
        shadowRoot: null,
        children: 0,
        text: '',
        inBody: false,
        cardTextInPage: false,
      });
    }
    expect(shots[1]?.size).toBe(shots[0]?.size);
    expect(shots[1]?.png.equals(shots[0]?.png as Buffer)).toBe(true);
  });

  test('a select-all of the page copies no card text, and text pressed on in the card can be copied', async ({
    extension,
  }) => {
    const { page, card, copied } = await visitToCopy(extension);
    await card.hoverOpen('NATO');
    await page.keyboard.press('Control+a');
    const all = await copied();
    expect(all).toContain('NATO leaders meet next week.');
    expect(all).not.toContain('Edit in Backstory');
    await selectCardTitle(page, card);
    const title = await copied();
    expect(title.trim()).toBe('NATO');
  });

  test("a page's copy listener neither sees nor rewrites what is copied from the card", async ({
    extension,
  }) => {
    const { page, card, copied } = await visitToCopy(extension);
    // As copy-tracking scripts do: note each copy and put a line of the site's own instead.
    await page.evaluate(() => {
      const state = window as unknown as { copies: number };
      state.copies = 0;
      document.addEventListener('copy', (event) => {
        state.copies += 1;
        event.clipboardData?.setData('text/plain', 'Read more at plain.example');
        event.preventDefault();
      });
    });
    const copies = () => page.evaluate(() => (window as unknown as { copies: number }).copies);
    await card.hoverOpen('NATO');
    await selectCardTitle(page, card);
    expect((await copied()).trim()).toBe('NATO');
    expect(await copies()).toBe(0);
    // The page's own text is still the page's to rewrite.
    await page.mouse.click(5, 5);
    await page.keyboard.press('Control+a');
    expect(await copied()).toBe('Read more at plain.example');
    expect(await copies()).toBe(1);
  });

  test('on a dark site the card is dark though the system is light, and on a light one light', async ({
    extension,
  }) => {
    const themeOf = (card: CardProbe) =>
      card.inCard<{ theme: string; background: string }>(
        'function () { const d = this.querySelector("[role=dialog]"); return { theme: d.dataset.theme, background: getComputedStyle(d).backgroundColor }; }',
      );
    const dark = await visit(extension, server, '/dark.html');
    await dark.page.emulateMedia({ colorScheme: 'light' });
    await dark.card.hoverOpen('NATO');
    const onDark = await themeOf(dark.card);
    expect(onDark?.theme).toBe('dark');
    const [r, g, b] = (onDark?.background.match(/\d+/g) ?? []).map(Number);
    expect(Math.max(r ?? 255, g ?? 255, b ?? 255)).toBeLessThan(80);
    const light = await visit(extension, server, '/plain.html');
    await light.page.emulateMedia({ colorScheme: 'light' });
    await light.card.hoverOpen('NATO');
    expect((await themeOf(light.card))?.theme).toBe('auto');
  });

  test('events a page’s script makes up neither open a card nor close one; the reader’s own do', async ({
    extension,
  }) => {
    const { page, card } = await visit(extension, server, '/plain.html');
    const nato = await card.mention('NATO');
    await card.settle();
    // A script "resting" a pointer on the mention for longer than the hover delay.
    await page.evaluate(
      async ({ x, y }) => {
        for (let i = 0; i < 20; i++) {
          document.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: y, bubbles: true }));
          await new Promise((wait) => setTimeout(wait, 60));
        }
      },
      { x: nato.x, y: nato.y },
    );
    expect(await card.isOpen()).toBe(false);
    await page.mouse.move(nato.x, nato.y);
    await expect.poll(() => card.isOpen()).toBe(true);
    // A made-up "the pointer left the window" does not close it either.
    await page.evaluate(() =>
      document.dispatchEvent(new PointerEvent('pointerout', { relatedTarget: null, bubbles: true })),
    );
    await page.waitForTimeout(1000);
    expect(await card.isOpen()).toBe(true);
    await card.pressControl('Pin card');
    await page.evaluate(() => {
      dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    await page.waitForTimeout(300);
    expect(await card.isOpen()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => card.isOpen()).toBe(false);
  });

  test('Escape closes the card on a page whose own first listener stops every Escape', async ({
    extension,
  }) => {
    const { page, card } = await visit(extension, server, '/escape-trap.html');
    const escapesSeen = () => page.evaluate(() => (window as unknown as { escapesSeen: number }).escapesSeen);
    await card.mention('NATO');
    // Reached from the keyboard, with focus in the card: the key is the card's alone.
    const worker = serviceWorker(extension);
    expect(await sendToActiveTab(worker, 'tab.navigate', { direction: 'next' })).toEqual({
      ok: true,
      result: { found: true },
    });
    expect(await card.focused()).toBe('dialog');
    await page.keyboard.press('Escape');
    await expect.poll(() => card.isOpen()).toBe(false);
    expect(await escapesSeen()).toBe(0);

    // Opened by the pointer, focus on the page: the card closes and the page gets its key.
    await card.hoverOpen('NATO');
    await page.keyboard.press('Escape');
    await expect.poll(() => card.isOpen()).toBe(false);
    expect(await escapesSeen()).toBe(1);
  });

  test('the open card is a named dialog with no axe-core violations, light and dark', async ({
    extension,
  }) => {
    const { page, card } = await visit(extension, server, '/demo.html');
    await card.hoverOpen('NATO');
    expect(await card.accessible()).toEqual({ role: 'dialog', name: 'NATO' });

    const inPlace = await card.axe();
    expect(inPlace.violations).toEqual([]);
    // The demo article paints a white background, which the card matches whatever the system
    // says; on a page that paints none the card follows the system.
    await page.emulateMedia({ colorScheme: 'dark' });
    const onDemo = await card.inCard<string>(
      `function () { return getComputedStyle(this.querySelector('[role=dialog]')).backgroundColor; }`,
    );
    expect(contrastRatio(onDemo ?? '', 'rgb(0, 0, 0)'), 'card on the white demo page').toBeGreaterThan(15);
    await page.close();
    const plain = await visit(extension, server, '/plain.html');
    await plain.card.hoverOpen('NATO');
    for (const colorScheme of ['light', 'dark'] as const) {
      await plain.page.emulateMedia({ colorScheme });
      // The card follows the scheme, so the dark pass checks the dark card, not the light one again.
      const background = await plain.card.inCard<string>(
        `function () { return getComputedStyle(this.querySelector('[role=dialog]')).backgroundColor; }`,
      );
      const againstBlack = contrastRatio(background ?? '', 'rgb(0, 0, 0)');
      if (colorScheme === 'dark') expect(againstBlack, 'dark card background').toBeLessThan(2);
      else expect(againstBlack, 'light card background').toBeGreaterThan(15);
      const contrast = await plain.card.axe({ inBody: true, rules: ['color-contrast'] });
      expect(contrast.violations, colorScheme).toEqual([]);
      expect(contrast.incomplete, colorScheme).toEqual([]);
      expect(contrast.passes, colorScheme).toContain('color-contrast');
    }
  });

  test('hostile card data renders as text, unsafe links dropped, and the reader can pick between cards', async ({
    extension,
  }) => {
    const { card: warm } = await visit(extension, server, '/demo.html');
    await warm.mention('NATO'); // the seeds are in: the database is ready
    const hostile: Card = {
      id: 'zorblax-hostile',
      title: 'اتفاق زوربلاكس 🤝 <b>Zorblax</b>',
      aliases: ['Zorblax Accord'],
      summary: `<img src=x onerror="document.title='pwned'"><script>document.title='pwned'</script> ${'Lorem ipsum dolor sit amet. '.repeat(3700)}`,
      facts: [{ label: '<svg onload="document.title=1">', value: 'שלום 👩‍👩‍👧 <i>world</i>' }],
      timeline: [{ date: '2025-01-01', text: '<iframe src="javascript:alert(1)"></iframe>' }],
      sources: [
        { title: 'Script link', url: 'javascript:document.title="pwned"' },
        { title: 'Data link', url: 'data:text/html,<script>alert(1)</script>' },
        { title: 'Spaced script', url: '  javascript:alert(1)' },
        { title: '<b>Real</b> source', url: 'https://example.org/source' },
      ],
      tags: ['<script>tag</script>'],
      updated: '<b>yesterday</b>',
    };
    const plain: Card = {
      id: 'zorblax-plain',
      title: 'Zorblax Accord (1907)',
      aliases: ['Zorblax Accord'],
      summary: 'A treaty.',
    };
    await putRawCards(serviceWorker(extension), [hostile, plain]);

    const { page, card } = await visit(extension, server, '/bad-input.html');
    await card.hoverOpen('Zorblax Accord');
    const legend = await card.inCard<string>(
      'function () { return this.querySelector("legend")?.textContent; }',
    );
    expect(legend).toBe('This term refers to 2 cards');
    await card.pressControl(hostile.title);
    expect((await card.accessible())?.name).toBe(hostile.title);

    const rendered = await card.inCard<Record<string, unknown>>(`function () {
      const d = this.querySelector('[role=dialog]');
      return {
        unsafe: d.querySelectorAll('script, img, iframe, object, embed, b, i, [onerror], [onload], svg[onload]').length,
        links: [...d.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.rel, a.target, a.textContent]),
        summaryStart: d.querySelector('.bs-summary').textContent.slice(0, 26),
        summaryLength: d.querySelector('.bs-summary').textContent.length,
        fact: d.querySelector('dd').textContent,
        checked: d.querySelector('.bs-checked').textContent,
      };
    }`);
    expect(rendered).toEqual({
      unsafe: 0,
      links: [['https://example.org/source', 'noopener noreferrer', '_blank', '<b>Real</b> source']],
      summaryStart: '<img src=x onerror="docume',
      summaryLength: expect.any(Number),
      fact: 'שלום 👩‍👩‍👧 <i>world</i>',
      checked: 'Last checked <b>yesterday</b>',
    });
    expect(rendered?.summaryLength).toBeLessThanOrEqual(701);
    expect(await page.title()).toBe('Bad input');
  });

  test('“Don’t mark on this site” saves the choice and the site’s pages, in this tab and others, stop marking the term', async ({
    extension,
  }) => {
    // Another tab on the same site, read before the choice.
    const other = await visit(extension, server, '/plain.html');
    await expect.poll(() => paintedMentions(other.page)).toContain('NATO');
    const { page, card } = await visit(extension, server, '/demo.html');
    await card.hoverOpen('NATO');
    await card.pressControl('Don’t mark on this site');
    await expect.poll(() => card.isOpen()).toBe(false);
    expect(await hiddenCardsOn(serviceWorker(extension), '127.0.0.1')).toEqual(['nato']);
    await expect.poll(() => paintedMentions(page)).not.toContain('NATO');
    expect(await paintedMentions(page)).toContain('Founding Act');
    // The other tab was told, with no reload and nothing the reader did there.
    await expect.poll(() => paintedMentions(other.page)).not.toContain('NATO');
  });
});
