import { HOST_TAG } from './card/host';
import { clearMentions } from './highlights';

/**
 * Takes off the page what an earlier copy of Backstory left there: its highlights and its
 * card. Firefox stops a removed, disabled or updated add-on's content script without letting
 * it clean up, and puts the new version's script into open tabs, where the manifest's style
 * would otherwise paint the old highlights again. (Chromium never puts a new copy into open
 * tabs; an old copy there cleans up itself, see entrypoints/content.)
 */
export function clearLeftovers(doc: Document = document): void {
  if (typeof CSS !== 'undefined' && 'highlights' in CSS) clearMentions();
  // From the end, by index: the collection is live, and no iterator goes through Firefox's Xray.
  const hosts = doc.getElementsByTagName(HOST_TAG);
  for (let i = hosts.length - 1; i >= 0; i--) hosts[i]?.remove();
}
