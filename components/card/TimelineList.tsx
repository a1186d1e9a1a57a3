import { isIsoDate } from '@/lib/pack/formats';
import type { TimelineEntry } from '@/lib/pack/types';
import { CardSection } from './CardSection';
import { formatIsoDate } from './iso-date';
import { relevantTimeline } from './relevant-timeline';

/** The most recent timeline entries, oldest first; nothing when the card has no timeline. */
export function TimelineList({ entries, locale }: { entries?: readonly TimelineEntry[]; locale?: string }) {
  const shown = relevantTimeline(entries);
  if (shown.length === 0) return null;
  return (
    <CardSection label="Timeline">
      {(labelId) => (
        <ol class="bs-timeline" aria-labelledby={labelId}>
          {shown.map((entry, i) => (
            <li key={i}>
              {isIsoDate(entry.date) ? (
                <time dateTime={entry.date}>{formatIsoDate(entry.date, locale)}</time>
              ) : (
                <span class="bs-timeline__date">{entry.date}</span>
              )}{' '}
              <span dir="auto">{entry.text}</span>
            </li>
          ))}
        </ol>
      )}
    </CardSection>
  );
}
