/** Elements (by local name) whose text is never read: code, form controls, non-text and our own UI. */
export const SKIPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'button',
  'option',
  'code',
  'pre',
  'kbd',
  'samp',
  'svg',
  'math',
  'title',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'backstory-card',
]);

/** Heading elements, h1 to h6. */
const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

/** Elements (by local name) that start a new block of text: a mention never spans one of their edges. */
export const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'br',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  ...HEADINGS,
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/** Standard elements that `attachShadow` accepts (custom elements can host a shadow root too). */
export const SHADOW_HOST_TAGS = [
  'article',
  'aside',
  'blockquote',
  'body',
  'div',
  'footer',
  ...HEADINGS,
  'header',
  'main',
  'nav',
  'p',
  'section',
  'span',
];

/** True for an element the reader can type into (its text is the reader's, not the page's). */
export function isEditable(element: Element): boolean {
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

/** True when the element and everything inside it is left unread. */
export function isSkipped(element: Element): boolean {
  return SKIPPED_TAGS.has(element.localName) || isEditable(element);
}

/**
 * True when the node, or an element around it, is never read (text typed in an editor, say).
 * The walk goes on from a shadow root to its host: a component inside an editor is the
 * editor's too.
 */
export function insideSkipped(node: Node): boolean {
  for (
    let at: Node | null = node;
    at;
    at = at.parentNode ?? (at.nodeType === 11 ? (at as ShadowRoot).host : null)
  )
    if (at.nodeType === 1 && isSkipped(at as Element)) return true;
  return false;
}
