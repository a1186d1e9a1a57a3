/** Props of the card's actions. */
export interface CardActionsProps {
  onEdit: () => void;
  onHide: () => void;
  /** A short message after an action, e.g. when the background could not be reached. */
  status?: string;
}

/** "Edit in Backstory" and "Don't mark on this site", with room for a status line. */
export function CardActions({ onEdit, onHide, status }: CardActionsProps) {
  return (
    <>
      <div class="bs-actions">
        <button type="button" class="bs-button" onClick={onEdit}>
          Edit in Backstory
        </button>
        <button type="button" class="bs-button" onClick={onHide}>
          Don’t mark on this site
        </button>
      </div>
      <p class="bs-status" role="status">
        {status}
      </p>
    </>
  );
}
