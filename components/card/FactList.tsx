import type { Fact } from '@/lib/pack/types';
import { CardSection } from './CardSection';

/** The card's key facts as a definition list; nothing when there are none. */
export function FactList({ facts = [], max = 6 }: { facts?: readonly Fact[]; max?: number }) {
  if (facts.length === 0) return null;
  return (
    <CardSection label="Key facts">
      {(labelId) => (
        <dl class="bs-facts" aria-labelledby={labelId}>
          {facts.slice(0, max).map((fact, i) => (
            // Facts have no id and may repeat a label; the list is rebuilt per card.
            <div class="bs-facts__row" key={i}>
              <dt dir="auto">{fact.label}</dt>
              <dd dir="auto">{fact.value}</dd>
            </div>
          ))}
        </dl>
      )}
    </CardSection>
  );
}
