import { useId } from 'preact/hooks';
import type { CardModel } from '@/lib/content/card/card-renderer';
import { isIsoDate } from '@/lib/pack/formats';
import { CardActions } from './CardActions';
import { CardChooser } from './CardChooser';
import { CardHeader } from './CardHeader';
import { clipText } from './clip-text';
import { FactList } from './FactList';
import { formatIsoDate } from './iso-date';
import { RelatedCards } from './RelatedCards';
import { SourceList } from './SourceList';
import { TagList } from './TagList';
import { TimelineList } from './TimelineList';

/** Longest summary shown in full; the manager shows the rest. */
export const SUMMARY_MAX = 700;

/** Props of the background card: the model the content script builds, and the locale for dates. */
export type CardViewProps = CardModel & { locale?: string };

/**
 * The background card: a non-modal dialog named by the card's title. Every string from the
 * card is rendered as text (Preact never parses it as HTML); user text gets `dir="auto"` so
 * right-to-left titles and facts read correctly whatever the page's direction.
 */
export function CardView(props: CardViewProps) {
  const { card, choices = [], related = [], pinned = false, theme = 'auto', dir = 'ltr', locale } = props;
  const titleId = useId();
  return (
    <div class="bs-card" role="dialog" aria-labelledby={titleId} tabIndex={-1} data-theme={theme} dir={dir}>
      <CardHeader
        title={card.title}
        titleId={titleId}
        pinned={pinned}
        onPin={props.onPin}
        onClose={props.onClose}
      />
      <CardChooser cards={choices} selectedId={card.id} onSelect={props.onSelect} />
      <p class="bs-summary" dir="auto">
        {clipText(String(card.summary ?? ''), SUMMARY_MAX)}
      </p>
      <FactList facts={card.facts} />
      <TimelineList entries={card.timeline} locale={locale} />
      <SourceList sources={card.sources} />
      <RelatedCards cards={related} onSelect={props.onSelect} />
      <TagList tags={card.tags} />
      {card.updated && (
        <p class="bs-checked">
          Last checked{' '}
          {isIsoDate(card.updated) ? (
            <time dateTime={card.updated}>{formatIsoDate(card.updated, locale)}</time>
          ) : (
            card.updated
          )}
        </p>
      )}
      <CardActions onEdit={props.onEdit} onHide={props.onHide} status={props.status} />
    </div>
  );
}
