// @vitest-environment happy-dom
import { adoptSheet } from '@/lib/content/page-sheet';

/** A stand-in for the page's side of a Firefox Xray: its own sheet class and sheet list. */
function firefoxDocument() {
  class PageSheet {
    text = '';
    replaceSync(text: string) {
      this.text = text;
    }
  }
  const adopted: PageSheet[] = [];
  const page = { defaultView: { CSSStyleSheet: PageSheet }, adoptedStyleSheets: adopted };
  // The content script's own view: reading its sheet list throws, as Firefox's Xray does.
  const doc = {
    wrappedJSObject: page,
    get adoptedStyleSheets(): never {
      throw new TypeError('adoptedStyleSheets is not iterable');
    },
  };
  return { doc: doc as unknown as Document, adopted, PageSheet };
}

describe('adopting a stylesheet', () => {
  it('adds a constructed sheet to the document and takes it away again', () => {
    const before = document.adoptedStyleSheets.length;
    const remove = adoptSheet(document, 'p { color: red }');
    expect(document.adoptedStyleSheets).toHaveLength(before + 1);
    remove();
    expect(document.adoptedStyleSheets).toHaveLength(before);
  });

  it("in Firefox, makes the sheet with the page's own class and adds it to the page's own list", () => {
    const { doc, adopted, PageSheet } = firefoxDocument();
    const remove = adoptSheet(doc, '::highlight(backstory-mention) { color: red }');
    // Seen in the page's list itself: it was changed in place, not replaced by a new array.
    expect(adopted).toHaveLength(1);
    expect(adopted[0]).toBeInstanceOf(PageSheet);
    expect(adopted[0]?.text).toContain('backstory-mention');
    remove();
    expect(adopted).toHaveLength(0);
  });

  it('in Firefox, leaves other sheets alone when it takes its own away', () => {
    const { doc, adopted, PageSheet } = firefoxDocument();
    const theirs = new PageSheet();
    adopted.push(theirs);
    const remove = adoptSheet(doc, 'p {}');
    adopted.push(new PageSheet());
    remove();
    expect(adopted).toHaveLength(2);
    expect(adopted[0]).toBe(theirs);
  });
});
