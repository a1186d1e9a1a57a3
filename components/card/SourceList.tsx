import type { Source } from '@/lib/pack/types';
import { CardSection } from './CardSection';
import { safeSources } from './safe-sources';

/**
 * The card's sources as links that open in a new tab without telling the source which
 * page the reader was on. Unsafe URLs are dropped (see safe-sources.ts).
 */
export function SourceList({ sources }: { sources?: readonly Source[] }) {
  const safe = safeSources(sources);
  if (safe.length === 0) return null;
  return (
    <CardSection label="Sources">
      {(labelId) => (
        <ul class="bs-sources" aria-labelledby={labelId}>
          {safe.map((source) => (
            <li key={source.href}>
              <a href={source.href} target="_blank" rel="noopener noreferrer" dir="auto">
                {source.title}
              </a>{' '}
              <span class="bs-sources__host">{source.host}</span>
            </li>
          ))}
        </ul>
      )}
    </CardSection>
  );
}
