/**
 * A page whose own script, run first thing, notes every message posted to its window and
 * every event WXT names after Backstory's id (passed as `?id=`, as a page that knows the
 * id from the store would). Served with scripts allowed. Its text repeats two terms, so
 * the density setting shows.
 */
export const LISTENING_PAGE = `<!doctype html><html><head><title>Listening</title><script>
  window.heard = [];
  addEventListener('message', (event) => heard.push('message ' + JSON.stringify(event.data)));
  const id = new URLSearchParams(location.search).get('id');
  for (const name of ['wxt:content-script-started', 'wxt:locationchange']) {
    addEventListener(id + ':content:' + name, () => heard.push('window ' + name), true);
    document.addEventListener(id + ':content:' + name, () => heard.push('document ' + name));
  }
</script></head><body><main><p>Moscow and the Kremlin.</p><p>Moscow again, Kremlin again.</p></main></body></html>`;

/** The page's path, for the extension whose id is `extensionId`. */
export function listeningPath(extensionId: string): string {
  return `/listening.html?id=${encodeURIComponent(extensionId)}`;
}

/** What the page's script heard (run in the page). */
export function heardByPage(): string[] {
  return (window as unknown as { heard: string[] }).heard;
}
