/**
 * Hands `text` to the browser as a download named `name`. The object URL is let go a minute
 * later, not at once: with "ask where to save" on, the browser reads it only after the
 * reader has picked a place.
 */
export function saveTextFile(name: string, text: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
