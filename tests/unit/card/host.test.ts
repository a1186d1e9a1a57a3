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
