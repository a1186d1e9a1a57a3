/** A page whose scripts replace the DOM's own methods with ones that throw. */
export const HOSTILE_DOM_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script>
  for (const name of ['appendChild', 'insertBefore', 'removeChild', 'contains', 'compareDocumentPosition']) {
    Node.prototype[name] = function () { throw new Error('hostile ' + name); };
  }
  Document.prototype.createTreeWalker = function () { throw new Error('hostile walker'); };
  Element.prototype.getBoundingClientRect = function () { throw new Error('hostile rect'); };
  window.MutationObserver = function () { throw new Error('hostile observer'); };
</script></head><body><p>The Kremlin replied.</p></body></html>`;
