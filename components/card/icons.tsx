// Inline icons: the card cannot load images (no network, no web-accessible resources).

/** A push pin, drawn filled when the card is pinned. */
export function PinIcon({ filled }: { filled: boolean }) {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        d="M9.5 1.5 14.5 6.5 12.8 7.2 10 10 10.3 13 8.9 14.4 6.2 11.7 2.5 15.4 1.6 14.5 5.3 10.8 2.6 8.1 4 6.7 7 7 9.8 4.2Z"
        fill={filled ? 'currentColor' : 'none'}
        stroke="currentColor"
        stroke-width="1.3"
        stroke-linejoin="round"
      />
    </svg>
  );
}

/** A cross, for closing the card. */
export function CloseIcon() {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d="M3.5 3.5 12.5 12.5M12.5 3.5 3.5 12.5" stroke="currentColor" stroke-width="1.6" />
    </svg>
  );
}
