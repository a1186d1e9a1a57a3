import type { ExtensionBrowser } from '../support/launch';
import { refreshTabs } from '../support/load-cards';
import { type StaticServer, startStaticServer } from '../support/static-server';
import { expect, mentionBluishShare, paintedMentions, test } from './fixtures';
import { HOSTILE_DOM_PAGE, realAdoptedSheets } from './hostile-dom';

// Pages built to break a content script. Backstory must neither throw nor hang on them.
const html = (body: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

let server: StaticServer;
let scripted: StaticServer;
test.beforeAll(async () => {
  const spans = Array.from({ length: 100_000 }, (_, i) => `<span>w${i} </span>`).join('');
  server = await startStaticServer({
    '/many-nodes.html': { body: html(`<div>${spans}</div><p>Last, the Kremlin.</p>`) },
    '/frames.html': {
      body: html('<p>Moscow outside.</p><iframe srcdoc="<p>Kremlin inside</p>"></iframe>'),
    },
    '/doc.xml': { body: '<?xml version="1.0"?><root><item>Kremlin</item></root>' },
    '/image.svg': {
      body: '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text y="20">Kremlin</text></svg>',
    },
    '/deep.html': { body: html('<main id="host"></main>') },
    // A frameset document: its `body` is the frameset, which holds no text of its own.
    '/frameset.html': {
      body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Kremlin</title></head><frameset><frame src="/kremlin.html"></frameset></html>',
    },
    '/kremlin.html': { body: html('<p>Kremlin</p>') },
  });
  scripted = await startStaticServer(
    {
      '/prototypes.html': { body: HOSTILE_DOM_PAGE },
      // Its own script takes the body away as the page is parsed.
      '/no-body.html': {
        body: html('<p>Kremlin, in a body about to go.</p><script>document.body.remove();</script>'),
      },
    },
    { scripts: true },
  );
});
test.afterAll(async () => {
  await server.close();
  await scripted.close();
});

/**
 * Whether the tab's reading script answers a refresh, which it does once its read is done:
 * for polling until a page's script is there and has read it.
 */
function refreshAnswered(extension: ExtensionBrowser): () => Promise<boolean> {
  return () =>
    refreshTabs(extension.context, extension.extensionId).then(
      () => true,
      () => false,
    );
}

test('a page with 100,000 text nodes is read to the end', async ({ extension }) => {
  const page = await extension.context.newPage();
  await page.goto(server.url('/many-nodes.html'));
  await expect.poll(() => paintedMentions(page), { timeout: 15_000 }).toEqual(['Kremlin']);
});

test('a DOM nested 5,000 levels deep is read without overflowing', async ({ extension }) => {
  const page = await extension.context.newPage();
  await page.goto(server.url('/deep.html'));
  // Inline elements: Chromium's own renderer crashes on 5,000 nested divs, with or without us.
  await page.evaluate(() => {
    let parent: Element = document.getElementById('host') as Element;
    for (let i = 0; i < 5000; i++) parent = parent.appendChild(document.createElement(i % 2 ? 'span' : 'em'));
    parent.textContent = 'Deep down, the Kremlin.';
  });
  await expect.poll(() => paintedMentions(page), { timeout: 10_000 }).toEqual(['Kremlin']);
});

test('frames are left alone and the top page is still read', async ({ extension }) => {
  const page = await extension.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(server.url('/frames.html'));
  await expect.poll(() => paintedMentions(page)).toEqual(['Moscow']);
  // Backstory runs in the top document only: nothing of it in the frame, whose text is there.
  const frame = page.frames().find((f) => f !== page.mainFrame());
  if (!frame) throw new Error('the page has no frame');
  await expect.poll(() => frame.evaluate(() => document.body?.textContent)).toBe('Kremlin inside');
  expect(
    await frame.evaluate(() => ({
      highlights: CSS.highlights.size,
      started: performance.getEntriesByName('backstory-start').length,
    })),
  ).toEqual({ highlights: 0, started: 0 });
  expect(errors).toEqual([]);
});

test('XML and SVG documents are left untouched', async ({ extension }) => {
  const page = await extension.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // The same word in an HTML page is painted: the cards are in and the matcher is built.
  await page.goto(server.url('/kremlin.html'));
  await expect.poll(() => paintedMentions(page)).toEqual(['Kremlin']);
  for (const path of ['/doc.xml', '/image.svg']) {
    await page.goto(server.url(path));
    // The content script runs here: a refresh, answered only once its read is done, comes back.
    await expect.poll(refreshAnswered(extension)).toBe(true);
    expect(await page.evaluate(() => [...CSS.highlights.keys()])).toEqual([]);
    expect(await page.evaluate(() => document.getElementsByTagName('backstory-card').length)).toBe(0);
  }
  expect(errors).toEqual([]);
});

test('documents without a body are read without an error, and a body put in later is read', async ({
  extension,
}) => {
  const page = await extension.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // The reading script runs in the frameset document (not in its frame) and answers once read.
  await page.goto(server.url('/frameset.html'));
  await expect.poll(refreshAnswered(extension)).toBe(true);
  expect(await page.evaluate(() => [document.body?.localName, [...CSS.highlights.keys()]])).toEqual([
    'frameset',
    [],
  ]);
  await page.goto(scripted.url('/no-body.html'));
  expect(await page.evaluate(() => document.body)).toBeNull();
  await expect.poll(refreshAnswered(extension)).toBe(true);
  expect(await page.evaluate(() => [...CSS.highlights.keys()])).toEqual([]);
  // The page puts a body back: its text is read like any change to the page.
  await page.evaluate(() => {
    const body = document.createElement('body');
    body.innerHTML = '<p>Moscow, in the new body.</p>';
    document.documentElement.append(body);
  });
  await expect.poll(() => paintedMentions(page)).toEqual(['Moscow']);
  expect(errors).toEqual([]);
});

test("a page that replaces the DOM's and the stylesheets' own methods cannot stop Backstory", async ({
  extension,
}) => {
  const page = await extension.context.newPage();
  await page.goto(scripted.url('/prototypes.html'));
  await expect.poll(() => paintedMentions(page)).toEqual(['Kremlin']);
  // The style comes with the manifest: the page's own sheet list is as the page left it, and
  // the mention is underlined all the same.
  expect(await page.evaluate(realAdoptedSheets)).toEqual(['p { color: rgb(0, 90, 0); }']);
  expect(await mentionBluishShare(extension.context, page, 'Kremlin')).toBeGreaterThan(0.02);
});

/** Counts the scans tabs ask the worker for from now on; resolves with a function that reads the count. */
async function countScans(extension: ExtensionBrowser): Promise<() => Promise<number>> {
  const worker = extension.context.serviceWorkers()[0];
  if (!worker) throw new Error('no service worker');
  // Beside the background's own listener, which answers.
  await worker.evaluate(() => {
    const counted = globalThis as unknown as {
      scans: number;
      chrome: {
        runtime: { onMessage: { addListener(listener: (message: { method?: string }) => undefined): void } };
      };
    };
    counted.scans = 0;
    counted.chrome.runtime.onMessage.addListener((message) => {
      if (message?.method === 'page.scan') counted.scans++;
      return undefined;
    });
  });
  return () => worker.evaluate(() => (globalThis as unknown as { scans: number }).scans);
}

/** A painted page with one mention, and the count of the scans asked for after that. */
async function paintedPageCountingScans(extension: ExtensionBrowser) {
  const page = await extension.context.newPage();
  await page.goto(server.url('/kremlin.html'));
  await expect.poll(() => paintedMentions(page)).toEqual(['Kremlin']);
  return { page, scans: await countScans(extension) };
}

test("a page that imitates WXT's events can neither stop Backstory nor keep it reading", async ({
  extension,
}) => {
  const { page, scans } = await paintedPageCountingScans(extension);
  // WXT's event names are public: the extension's id, the script's name, the event's.
  await page.evaluate((prefix) => {
    document.dispatchEvent(
      new CustomEvent(`${prefix}wxt:content-script-started`, {
        detail: { contentScriptName: 'content', messageId: 'page' },
      }),
    );
    for (let i = 0; i < 200; i++) window.dispatchEvent(new Event(`${prefix}wxt:locationchange`));
  }, `${extension.extensionId}:content:`);
  // Ended, the script would have taken its marks off at once and stopped following the page.
  expect(await paintedMentions(page)).toEqual(['Kremlin']);
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p>Moscow</p>'));
  await expect.poll(() => paintedMentions(page)).toEqual(['Kremlin', 'Moscow']);
  // The URL did not change: the imitated URL changes read nothing; the new paragraph was
  // read on its own, by a rescan (which asks for a scan too), so at most one or two scans.
  expect(await scans()).toBeLessThanOrEqual(2);
});

test('a page that changes all the time costs a rescan per settling delay at most, and settles when it stops', async ({
  extension,
}) => {
  const { page, scans } = await paintedPageCountingScans(extension);
  // A clock that ticks every 10 ms, and every 100 ms a storm of 2,000 nodes added and removed.
  const ran = await page.evaluate(async () => {
    document.body.insertAdjacentHTML(
      'beforeend',
      '<p>Updated <span id="clock">0</span> ms ago</p><div id="storm"></div>',
    );
    const clock = document.getElementById('clock') as HTMLElement;
    const storm = document.getElementById('storm') as HTMLElement;
    const started = performance.now();
    let ticks = 0;
    const ticking = setInterval(() => {
      ticks++;
      clock.textContent = String(Math.round(performance.now() - started));
      if (ticks % 10 === 0)
        for (let i = 0; i < 1000; i++) {
          const node = storm.appendChild(document.createElement('span'));
          node.textContent = `Moscow ${i}`;
          if (i % 2) node.remove();
        }
    }, 10);
    await new Promise((wake) => setTimeout(wake, 2000));
    clearInterval(ticking);
    return performance.now() - started;
  });
  // One rescan per settling delay (250 ms) at most, plus the one in flight as it began.
  const during = await scans();
  expect(during).toBeGreaterThan(0);
  expect(during).toBeLessThanOrEqual(Math.ceil(ran / 250) + 2);
  // Once the page is still, so is Backstory: no rescan keeps another going.
  await page.waitForTimeout(1000);
  const settled = await scans();
  await page.waitForTimeout(1000);
  expect(await scans()).toBe(settled);
  // What the storm left on the page is painted.
  expect((await paintedMentions(page)).filter((text) => text === 'Moscow').length).toBeGreaterThan(0);
  expect((await paintedMentions(page))[0]).toBe('Kremlin');
});

test('the page is read again for a new address of a single-page app, not for an anchor jump', async ({
  extension,
}) => {
  const { page, scans } = await paintedPageCountingScans(extension);
  await page.evaluate(() => {
    location.hash = '#later';
  });
  await page.waitForTimeout(1500);
  expect(await scans()).toBe(0);
  await page.evaluate(() => history.pushState({}, '', '/kremlin.html?part=2'));
  await expect.poll(scans).toBe(1);
});
