/**
 * The writing direction of the text a range starts in, as laid out (the `dir` attribute,
 * CSS and the page's defaults all count). The card takes it, so on a right-to-left page it
 * opens mirrored: aligned to the mention's right edge, its buttons on the left.
 */
export function directionAt(range: AbstractRange): 'ltr' | 'rtl' {
  const node = range.startContainer;
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  const view = element?.ownerDocument.defaultView;
  return element && view?.getComputedStyle(element).direction === 'rtl' ? 'rtl' : 'ltr';
}
