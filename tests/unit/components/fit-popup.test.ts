// @vitest-environment happy-dom
import { fitPopupToWindow } from '@/components/manager/fit-popup';

/** A window of the given size; `resize` changes it and tells the listeners, as the browser does. */
function fakeWindow(width: number, height: number) {
  const events = new EventTarget();
  const win = {
    innerWidth: width,
    innerHeight: height,
    document,
    addEventListener: events.addEventListener.bind(events),
  };
  const resize = (w: number, h: number) => {
    win.innerWidth = w;
    win.innerHeight = h;
    events.dispatchEvent(new Event('resize'));
  };
  return { win: win as unknown as Window, resize };
}

describe('fitting the popup to its window', () => {
  afterEach(() => document.body.removeAttribute('style'));

  it('leaves the stylesheet’s 420 × 580 alone in a window that holds it', () => {
    const { win } = fakeWindow(420, 580);
    fitPopupToWindow(win, new AbortController().signal);
    expect(document.body.style.height).toBe('');
    expect(document.body.style.width).toBe('');
  });

  it('fits the body to a window Chromium capped (125% and 200% zoom), and follows a resize back', () => {
    const { win, resize } = fakeWindow(25, 145);
    fitPopupToWindow(win, new AbortController().signal);
    // Chromium's first, tiny window: fitting to it would keep the popup tiny.
    expect(document.body.style.height).toBe('');
    resize(420, 480);
    expect(document.body.style.height).toBe('480px');
    expect(document.body.style.width).toBe('');
    resize(400, 300);
    expect(document.body.style).toMatchObject({ height: '300px', width: '400px' });
    resize(420, 580);
    expect(document.body.style).toMatchObject({ height: '', width: '' });
  });

  it('stops following the window when told to', () => {
    const { win, resize } = fakeWindow(420, 580);
    const stop = new AbortController();
    fitPopupToWindow(win, stop.signal);
    stop.abort();
    resize(420, 480);
    expect(document.body.style.height).toBe('');
  });
});
