// @vitest-environment happy-dom
import { createCardHost, HOST_TAG } from '@/lib/content/card/host';

afterEach(() => {
  for (const host of document.querySelectorAll(HOST_TAG)) host.remove();
});

describe('the card host', () => {
  it('adds nothing to the page until a card opens', () => {
    createCardHost(document, new AbortController().signal);
    expect(document.querySelector(HOST_TAG)).toBeNull();
  });

  it('goes on the root element, never inside the body', () => {
    createCardHost(document, new AbortController().signal).float();
    const host = document.querySelector(HOST_TAG);
    expect(host?.parentElement).toBe(document.documentElement);
    expect(document.body.querySelector(HOST_TAG)).toBeNull();
  });

  it('keeps its content in a closed shadow root', () => {
    const float = createCardHost(document, new AbortController().signal).float();
    const host = document.querySelector(HOST_TAG) as HTMLElement;
    expect(host.shadowRoot).toBeNull();
    expect(host.childNodes).toHaveLength(0);
    expect(float.getRootNode()).not.toBe(document);
  });

  it('resets every inherited style and sits above the page, with inline !important', () => {
    createCardHost(document, new AbortController().signal).float();
    const style = document.querySelector(HOST_TAG)?.getAttribute('style') ?? '';
    expect(style).toMatch(/^all: initial !important;/);
    expect(style).toContain('position: fixed !important;');
    expect(style).toContain('z-index: 2147483647 !important;');
    // The host covers nothing: only the card inside takes the pointer.
    expect(style).toContain('pointer-events: none !important;');
  });

  it('keeps the card hidden until it is placed, and never prints it', () => {
    const float = createCardHost(document, new AbortController().signal).float();
    const css = (float.getRootNode() as ShadowRoot).querySelector('style')?.textContent ?? '';
    expect(css).toMatch(/\.bs-float \{[^}]*visibility: hidden;/);
    expect(css).toMatch(/@media print \{\s*\.bs-float \{ display: none !important; \}/);
  });

  it('cancels a zoom the page puts on its root element, and only while there is one', () => {
    const host = createCardHost(document, new AbortController().signal);
    const zoomed = vi
      .spyOn(window, 'getComputedStyle')
      .mockReturnValue({ zoom: '2' } as unknown as CSSStyleDeclaration);
    try {
      host.float();
    } finally {
      zoomed.mockRestore();
    }
    const element = document.querySelector(HOST_TAG) as HTMLElement;
    expect(element.style.getPropertyValue('zoom')).toBe('0.5');
    expect(element.style.getPropertyPriority('zoom')).toBe('important');
    host.float();
    expect(element.style.getPropertyValue('zoom')).toBe('');
  });

  it('creates one host however often a card opens', () => {
    const host = createCardHost(document, new AbortController().signal);
    expect(host.float()).toBe(host.float());
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
  });

  it('puts itself back when the page removed it', () => {
    const host = createCardHost(document, new AbortController().signal);
    host.float();
    document.querySelector(HOST_TAG)?.remove();
    host.float();
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
  });

  it('styles what renders inside with the stylesheet it is given', () => {
    const float = createCardHost(document, new AbortController().signal, '.bs-card { color: red; }').float();
    const style = (float.getRootNode() as ShadowRoot).querySelector('style');
    expect(style?.textContent).toContain('.bs-card { color: red; }');
  });

  it('recognises events retargeted to it', () => {
    const host = createCardHost(document, new AbortController().signal);
    host.float();
    expect(host.isHost(document.querySelector(HOST_TAG))).toBe(true);
    expect(host.isHost(document.body)).toBe(false);
  });

  it('leaves the page when the feature stops', () => {
    const controller = new AbortController();
    createCardHost(document, controller.signal).float();
    controller.abort();
    expect(document.querySelector(HOST_TAG)).toBeNull();
  });
});
