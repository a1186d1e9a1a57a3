import { filterInSlices, SLICE_MS } from '@/lib/content/yield';

/** Counts the page's tasks that run while `work` is under way: none if it never yields. */
async function tasksDuring(work: () => Promise<unknown>): Promise<number> {
  let tasks = 0;
  const timer = setInterval(() => tasks++, 0);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return tasks;
}

describe('filtering in slices', () => {
  const items = Array.from({ length: 5000 }, (_, i) => i);
  const even = (i: number) => i % 2 === 0;

  it('keeps what the test accepts, in order', async () => {
    expect(await filterInSlices(items, even)).toEqual(items.filter(even));
    expect(await filterInSlices([], even)).toEqual([]);
  });

  it('gives the main thread back once a slice’s time is up, and not before', async () => {
    // A clock that moves a millisecond each time it is read: the slice is up after SLICE_MS reads.
    let time = 0;
    const slow = () => time++;
    let kept: number[] = [];
    expect(
      await tasksDuring(async () => {
        kept = await filterInSlices(items, even, slow);
      }),
    ).toBeGreaterThan(0);
    expect(kept).toEqual(items.filter(even));
    // A clock that stands still never ends a slice.
    expect(await tasksDuring(() => filterInSlices(items, even, () => 0))).toBe(0);
    expect(SLICE_MS).toBeLessThan(50);
  });

  it('starts a new slice after each pause, so it pauses once per slice and not at every look at the clock', async () => {
    let yields = 0;
    vi.stubGlobal('scheduler', { yield: async () => void yields++ });
    try {
      // The clock moves a millisecond at each read; 20,000 items are 78 looks at it, after every 256.
      let time = 0;
      await filterInSlices(
        Array.from({ length: 20_000 }, (_, i) => i),
        even,
        () => time++,
      );
      // A slice ends at its (SLICE_MS + 1)th look, past its deadline; the read after the pause
      // sets the next deadline. Without that, every look after the first pause would pause.
      expect(yields).toBe(Math.floor(78 / (SLICE_MS + 1)));
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
