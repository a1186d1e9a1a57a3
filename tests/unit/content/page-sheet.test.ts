// @vitest-environment happy-dom
import { adoptSheet } from '@/lib/content/page-sheet';

/** A page sheet as the page sees it. */
class PageSheet {
  text = '';
}

/** The page's sheet list, on a page whose scripts replaced the array methods with traps. */
class HostileList extends Array<PageSheet> {
  override push(): number {
    throw new Error('page push');
  }
  override splice(): PageSheet[] {
    throw new Error('page splice');
  }
  override indexOf(): number {
    throw new Error('page indexOf');
  }
}

/**
 * A stand-in for Firefox's Xray views: the content script sees the browser's own sheet
 * constructor and `adoptedStyleSheets` getter, and reaches the page's objects only through
 * `wrappedJSObject`. The Xray view of the list cannot be read, as in Firefox 140.
 */
function firefoxDocument() {
  const adopted = new HostileList();
  class XraySheet {
    readonly wrappedJSObject = new PageSheet();
    replaceSync(text: string) {
      this.wrappedJSObject.text = text;
    }
  }
  const xrayList = { length: undefined, wrappedJSObject: adopted };
  const browserDocumentPrototype = {
    get adoptedStyleSheets() {
      return xrayList;
    },
  };
  const doc = Object.create(browserDocumentPrototype, {
    wrappedJSObject: {
      // The page's own view: its accessor and constructor were replaced with traps.
      value: {
        get adoptedStyleSheets(): never {
          throw new Error('page getter');
        },
        defaultView: {
          CSSStyleSheet: () => {
            throw new Error('page CSSStyleSheet');
          },
        },
      },
    },
    defaultView: { value: { CSSStyleSheet: XraySheet } },
  });
  return { doc: doc as Document, adopted };
}

describe('adopting a stylesheet', () => {
  it('adds a constructed sheet to the document and takes it away again', () => {
    const before = document.adoptedStyleSheets.length;
    const remove = adoptSheet(document, 'p { color: red }');
    expect(document.adoptedStyleSheets).toHaveLength(before + 1);
    remove();
    expect(document.adoptedStyleSheets).toHaveLength(before);
  });

  it("in Firefox, puts a sheet made by the browser's constructor into the page's own list", () => {
    const { doc, adopted } = firefoxDocument();
    const remove = adoptSheet(doc, '::highlight(backstory-mention) { color: red }');
    // Seen in the page's list itself: it was changed in place, not replaced by a new array,
    // and none of the page's replaced methods was called.
    expect(adopted).toHaveLength(1);
    expect(adopted[0]).toBeInstanceOf(PageSheet);
    expect(adopted[0]?.text).toContain('backstory-mention');
    remove();
    expect(adopted).toHaveLength(0);
  });

  it('in Firefox, leaves the order of other sheets alone when it takes its own away', () => {
    const { doc, adopted } = firefoxDocument();
    const first = new PageSheet();
    adopted[0] = first;
    const remove = adoptSheet(doc, 'p {}');
    const last = new PageSheet();
    adopted[adopted.length] = last;
    remove();
    expect([...adopted]).toEqual([first, last]);
    expect(adopted[0]).toBe(first);
    expect(adopted[1]).toBe(last);
    // Taking it away twice, or after the page dropped it, changes nothing.
    remove();
    expect(adopted).toHaveLength(2);
  });
});
