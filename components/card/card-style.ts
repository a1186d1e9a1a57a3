/**
 * The card's stylesheet, applied inside its closed shadow root: page selectors cannot reach
 * these elements, and the host resets every inherited property (`all: initial`), so the
 * card looks the same on every site. Colours use `light-dark()`, switched by
 * `color-scheme`, so one rule set serves both themes. Sizes are in px, not rem: a page's
 * root font size must not resize the card (browser zoom still does).
 */
export const CARD_CSS = `
* { box-sizing: border-box; }

.bs-card {
  color-scheme: light dark;
  --bs-bg: light-dark(#ffffff, #1f2026);
  --bs-fg: light-dark(#1b1b1f, #ececf1);
  --bs-muted: light-dark(#545462, #b6b6c3);
  --bs-line: light-dark(#d8d8e0, #3b3c46);
  --bs-chip: light-dark(#eef1f6, #2b2d36);
  --bs-accent: light-dark(#1a56b8, #9cc0ff);
  --bs-on-accent: light-dark(#ffffff, #15161b);
  width: min(360px, calc(100vw - 16px));
  max-height: var(--bs-max-height, 480px);
  overflow: auto;
  overscroll-behavior: contain;
  /* Named, not left to the browser: Firefox drew a dark card's scrollbar track white. */
  scrollbar-color: var(--bs-muted) var(--bs-bg);
  padding: 0 14px 12px;
  border: 1px solid var(--bs-line);
  border-radius: 10px;
  background: var(--bs-bg);
  color: var(--bs-fg);
  box-shadow: 0 10px 30px rgb(0 0 0 / 0.2), 0 1px 3px rgb(0 0 0 / 0.14);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  text-align: start;
  overflow-wrap: anywhere;
}
.bs-card[data-theme="light"] { color-scheme: light; }
.bs-card[data-theme="dark"] { color-scheme: dark; }
.bs-card:focus { outline: none; }
.bs-card:focus-visible { outline: 2px solid var(--bs-accent); outline-offset: -2px; }

.bs-header {
  position: sticky;
  top: 0;
  z-index: 1;
  display: flex;
  align-items: flex-start;
  gap: 2px;
  padding: 12px 0 6px;
  background: var(--bs-bg);
}
.bs-title { flex: 1; margin: 0; padding-top: 3px; font-size: 16px; line-height: 1.3; font-weight: 650; }

button { font: inherit; color: inherit; cursor: pointer; }
:focus-visible { outline: 2px solid var(--bs-accent); outline-offset: 2px; }

.bs-icon-button {
  flex: none;
  display: grid;
  place-items: center;
  width: 28px;
  height: 28px;
  padding: 0;
  border: 0;
  border-radius: 6px;
  background: transparent;
  color: var(--bs-muted);
}
.bs-icon-button:hover { background: var(--bs-chip); color: var(--bs-fg); }
.bs-icon-button[aria-pressed="true"] { color: var(--bs-accent); }

.bs-chooser { min-width: 0; margin: 0 0 10px; padding: 0; border: 0; }
.bs-chooser__legend { margin-bottom: 4px; padding: 0; color: var(--bs-muted); font-size: 12px; }
.bs-chooser__options { display: flex; flex-wrap: wrap; gap: 6px; }
.bs-chip-button {
  padding: 2px 10px;
  border: 1px solid var(--bs-line);
  border-radius: 999px;
  background: var(--bs-chip);
  font-size: 13px;
}
.bs-chip-button[aria-pressed="true"] {
  border-color: var(--bs-accent);
  background: var(--bs-accent);
  color: var(--bs-on-accent);
}
/* Forced colours (Windows contrast themes) paint every button alike; system colours are kept.
   The chosen one is a button inverted: ButtonText and ButtonFace always contrast, where the
   Highlight pair need not (white on #3399FF, 2.9:1, in Firefox's own forced colours on Linux). */
@media (forced-colors: active) {
  .bs-chip-button[aria-pressed="true"] { border-color: ButtonText; background: ButtonText; color: ButtonFace; }
}

.bs-summary { margin: 0; }

.bs-section { margin-top: 12px; }
.bs-section__label {
  margin: 0 0 4px;
  color: var(--bs-muted);
  font-size: 11px;
  font-weight: 650;
  letter-spacing: 0.06em;
  text-transform: uppercase;
}

.bs-facts { margin: 0; }
.bs-facts__row { display: flex; gap: 10px; padding: 1px 0; }
.bs-facts dt { flex: 0 0 34%; color: var(--bs-muted); }
.bs-facts dd { flex: 1; margin: 0; }

.bs-timeline, .bs-sources, .bs-related, .bs-tags { margin: 0; padding: 0; list-style: none; }
.bs-timeline li, .bs-sources li, .bs-related li { padding: 1px 0; }
.bs-timeline time, .bs-timeline__date { color: var(--bs-muted); font-variant-numeric: tabular-nums; }

a, .bs-link-button { color: var(--bs-accent); text-decoration: underline; text-underline-offset: 2px; }
.bs-link-button { padding: 0; border: 0; background: none; text-align: start; }
.bs-sources__host { color: var(--bs-muted); font-size: 12px; }

.bs-tags { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 12px; }
.bs-tags li {
  padding: 0 8px;
  border-radius: 999px;
  background: var(--bs-chip);
  color: var(--bs-muted);
  font-size: 12px;
}

.bs-checked { margin: 10px 0 0; color: var(--bs-muted); font-size: 12px; }

.bs-actions {
  display: flex;
  flex-wrap: wrap;
  gap: 6px;
  margin-top: 12px;
  padding-top: 10px;
  border-top: 1px solid var(--bs-line);
}
.bs-button {
  padding: 4px 10px;
  border: 1px solid var(--bs-line);
  border-radius: 6px;
  background: var(--bs-bg);
  font-size: 13px;
}
.bs-button:hover { background: var(--bs-chip); }
/* Kept in the tree when empty, so a screen reader hears the message when it appears. */
.bs-status { margin: 6px 0 0; color: var(--bs-muted); font-size: 12px; }
.bs-status:empty { margin: 0; }
`;
