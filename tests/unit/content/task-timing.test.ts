import { TASK_MEASURE, timed } from '@/lib/content/task-timing';

const measures = () => performance.getEntriesByName(TASK_MEASURE, 'measure') as PerformanceMeasure[];

describe('timing a slice of work', () => {
  beforeEach(() => performance.clearMeasures(TASK_MEASURE));

  it('runs the work and leaves nothing on the timeline unless asked to record', () => {
    expect(timed(false, 'read', () => 42)).toBe(42);
    expect(measures()).toEqual([]);
  });

  it('leaves one measure named for its step, even when the work throws', () => {
    expect(timed(true, 'read', () => 42)).toBe(42);
    expect(() =>
      timed(true, 'ranges', () => {
        throw new Error('failed');
      }),
    ).toThrow('failed');
    expect(measures().map((measure) => measure.detail)).toEqual(['read', 'ranges']);
  });
});
