/**
 * Whether `doc` is an HTML page, the only kind Backstory reads: XML and SVG files (and
 * Chromium's XML viewer over them) are not articles.
 */
export function isHtmlDocument(doc: Document): boolean {
  return doc.contentType === 'text/html' || doc.contentType === 'application/xhtml+xml';
}
