import { isIsoDate } from '@/lib/pack/formats';
import type { TimelineEntry } from '@/lib/pack/types';

/**
 * The timeline entries worth a glance: the `count` most recent, oldest first so they read as
 * a story. ISO dates sort as text; entries with a malformed date count as oldest.
 */
export function relevantTimeline(entries: readonly TimelineEntry[] = [], count = 3): TimelineEntry[] {
  const key = (entry: TimelineEntry) => (isIsoDate(entry.date) ? entry.date : '');
  return [...entries].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)).slice(-count);
}
