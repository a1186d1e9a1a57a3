/** A page with one paragraph and nothing to mark, for the tests of pages that change. */
export const LIVE_PAGE =
  '<!doctype html><html lang="en"><body><main><p>Static text.</p></main></body></html>';

/** Run in the page: appends a paragraph that mentions the Kremlin, as a live blog would. */
export function addLateParagraph(): void {
  const p = document.createElement('p');
  p.id = 'late';
  p.textContent = 'Late news: the Kremlin replied.';
  document.querySelector('main')?.append(p);
}

/** Run in the page: removes that paragraph again. */
export function removeLateParagraph(): void {
  document.getElementById('late')?.remove();
}
