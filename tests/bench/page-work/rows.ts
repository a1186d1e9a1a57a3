import { median } from '../pages/format';
import type { WorkTimes } from './work';

/** One page's page work, with Backstory and without (each kind's median over the visits). */
export interface PageRow {
  name: string;
  mentions: number;
  with: WorkTimes;
  without: WorkTimes;
}

/** All kinds of work together. */
export function total(times: WorkTimes): number {
  return times.churn + times.edits + times.renders;
}

/** Each kind's median over the visits. */
export function medianTimes(runs: WorkTimes[]): WorkTimes {
  return {
    churn: median(runs.map((r) => r.churn)),
    edits: median(runs.map((r) => r.edits)),
    renders: median(runs.map((r) => r.renders)),
  };
}
