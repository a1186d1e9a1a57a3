import {
  decideTimeline,
  noteMark,
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

  it('keeps the first answer for the rest of the document', () => {
    decideTimeline(false);
    decideTimeline(true);
    timed(true, 'read', () => undefined);
    expect(ours()).toEqual([]);
  });
});
