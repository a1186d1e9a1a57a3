import {
  decideTimeline,
  noteMark,
  noteSlice,
  START_MARK,
  TASK_MEASURE,
  TIMING_KEY,
  timed,
} from '@/lib/content/task-timing';

const measures = () => performance.getEntriesByName(TASK_MEASURE, 'measure') as PerformanceMeasure[];
const ours = () => performance.getEntries().filter((entry) => entry.name.startsWith('backstory'));

describe('timing a slice of work', () => {
  beforeEach(() => {
    performance.clearMarks();
    performance.clearMeasures();
    // Each test is a new document: its timing not yet decided, nothing held.
    delete (globalThis as Record<symbol, unknown>)[TIMING_KEY];
  });

  it('runs the work and notes nothing unless asked to record', () => {
    expect(timed(false, 'read', () => 42)).toBe(42);
    decideTimeline(true);
    expect(ours()).toEqual([]);
  });

  it('holds what it notes off the page until the worker answers, then writes it with its own times', () => {
    noteMark(START_MARK);
    expect(timed(true, 'read', () => 'read')).toBe('read');
    const before = performance.now();
    expect(ours()).toEqual([]);
    decideTimeline(true);
    const [start] = performance.getEntriesByName(START_MARK);
    const [read] = measures();
    expect(read?.detail).toBe('read');
    expect(start?.startTime).toBeLessThanOrEqual(read?.startTime ?? Number.NaN);
    expect((read?.startTime ?? Number.NaN) + (read?.duration ?? Number.NaN)).toBeLessThanOrEqual(before);
  });

  it('once on, writes each measure as it comes, named for its step, even when the work throws', () => {
    decideTimeline(true);
    expect(timed(true, 'read', () => 42)).toBe(42);
    expect(() =>
      timed(true, 'ranges', () => {
        throw new Error('failed');
      }),
    ).toThrow('failed');
    expect(measures().map((measure) => measure.detail)).toEqual(['read', 'ranges']);
  });

  it('drops what it held and notes nothing more when the worker says no, as it does for readers', () => {
    noteMark(START_MARK);
    timed(true, 'read', () => undefined);
    decideTimeline(false);
    timed(true, 'ranges', () => undefined);
    noteMark(START_MARK);
    expect(ours()).toEqual([]);
    expect((globalThis as unknown as Record<symbol, { held: unknown[] }>)[TIMING_KEY]?.held).toEqual([]);
  });

  it('notes a slice from a time given, as the script notes its own start, held like the rest', () => {
    const started = noteMark(START_MARK);
    const noted = performance.now();
    noteSlice('start', started);
    expect(ours()).toEqual([]);
    decideTimeline(true);
    const [start] = performance.getEntriesByName(START_MARK);
    const [slice] = measures();
    expect(start?.startTime).toBe(started);
    expect(slice?.detail).toBe('start');
    expect(slice?.startTime).toBe(started);
    expect((slice?.startTime ?? Number.NaN) + (slice?.duration ?? Number.NaN)).toBeGreaterThanOrEqual(noted);
    delete (globalThis as Record<symbol, unknown>)[TIMING_KEY];
    decideTimeline(false);
    noteSlice('start', started);
    expect(measures()).toHaveLength(1);
  });

  it('keeps the first answer for the rest of the document', () => {
    decideTimeline(false);
    decideTimeline(true);
    timed(true, 'read', () => undefined);
    expect(ours()).toEqual([]);
  });
});
