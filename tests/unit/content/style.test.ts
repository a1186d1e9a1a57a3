// @vitest-environment happy-dom
import { adoptSheet } from '@/lib/content/style';

describe('adopting a stylesheet', () => {
  it('adds a constructed sheet to the document and takes only it away again', () => {
    const theirs = new CSSStyleSheet();
    document.adoptedStyleSheets = [theirs];
    const remove = adoptSheet(document, '::highlight(backstory-mention) { color: red }');
    expect(document.adoptedStyleSheets).toHaveLength(2);
    expect(document.adoptedStyleSheets[0]).toBe(theirs);
    const later = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, later];
    remove();
    expect(document.adoptedStyleSheets).toEqual([theirs, later]);
  });
});
