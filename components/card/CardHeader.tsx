import { CloseIcon, PinIcon } from './icons';

/** Props of the card's header. */
export interface CardHeaderProps {
  title: string;
  titleId: string;
  pinned: boolean;
  onPin: (pinned: boolean) => void;
  onClose: () => void;
}

/** The card's title (which names the dialog), the pin toggle and the close button. */
export function CardHeader({ title, titleId, pinned, onPin, onClose }: CardHeaderProps) {
  return (
    <div class="bs-header">
      <h2 class="bs-title" id={titleId} dir="auto">
        {title}
      </h2>
      <button
        type="button"
        class="bs-icon-button"
        aria-label="Pin card"
        aria-pressed={pinned}
        title={pinned ? 'Unpin: the card closes when the pointer leaves' : 'Pin: keep the card open'}
        onClick={() => onPin(!pinned)}
      >
        <PinIcon filled={pinned} />
      </button>
      <button
        type="button"
        class="bs-icon-button"
        aria-label="Close card"
        title="Close (Esc)"
        onClick={onClose}
      >
        <CloseIcon />
      </button>
    </div>
  );
}
