/**
 * For the corpus sweeps, which compare a page's text with and without Backstory: the saved
 * pages still run some of their own scripts, and a few change what is shown soon after
 * loading (links-in-tables drops a `loading` class from <body> 10 ms after parsing). Read
 * too early on one side, the two texts differ for reasons of the page's own. Run in the page.
 */
export async function settlePage(): Promise<void> {
  if (document.readyState !== 'complete')
    await new Promise<void>((done) => {
      addEventListener('load', () => done(), { once: true });
      // Offline, a load can wait on a request that never ends; the text is read anyway.
      setTimeout(done, 10_000);
    });
  // A timer queued now runs after the page's own short timers queued before it.
  await new Promise<void>((done) => setTimeout(done, 50));
}

/** Where two texts first differ, with a little context on each side: for a failure message. */
export function firstDifference(ours: string, theirs: string): string {
  let at = 0;
  while (at < ours.length && at < theirs.length && ours[at] === theirs[at]) at++;
  const around = (text: string) => JSON.stringify(text.slice(Math.max(0, at - 30), at + 50));
  return `at character ${at}: ${around(ours)} with Backstory, ${around(theirs)} without`;
}
