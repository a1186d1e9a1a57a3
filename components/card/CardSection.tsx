import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

/** Props of a titled part of the card. */
export interface CardSectionProps {
  label: string;
  children: (labelId: string) => ComponentChildren;
}

/**
 * A titled part of the card (key facts, timeline…). The heading's id is handed to the
 * content so lists can be named by it and screen readers announce what they hold.
 */
export function CardSection({ label, children }: CardSectionProps) {
  const id = useId();
  return (
    <div class="bs-section">
      <h3 class="bs-section__label" id={id}>
        {label}
      </h3>
      {children(id)}
    </div>
  );
}
