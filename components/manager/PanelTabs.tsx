import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

/** One tab of the manager. */
export interface PanelTab<K extends string> {
  key: K;
  label: ComponentChildren;
}

/** Props of the tab strip. */
export interface PanelTabsProps<K extends string> {
  tabs: readonly PanelTab<K>[];
  selected: K;
  onSelect(key: K): void;
  /** Id prefix: tab `${idBase}-tab-${key}` controls panel `${idBase}-panel-${key}`. */
  idBase: string;
}

/** The WAI-ARIA tabs pattern: arrow keys, Home and End move between tabs and select them. */
export function PanelTabs<K extends string>({ tabs, selected, onSelect, idBase }: PanelTabsProps<K>) {
  const strip = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent) => {
    const at = tabs.findIndex((tab) => tab.key === selected);
    const moves: Record<string, number> = {
      ArrowRight: at + 1,
      ArrowLeft: at - 1,
      Home: 0,
      End: tabs.length - 1,
    };
    const to = moves[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const next = tabs[(to + tabs.length) % tabs.length];
    if (!next) return;
    onSelect(next.key);
    strip.current?.querySelector<HTMLElement>(`#${idBase}-tab-${next.key}`)?.focus();
  };
  return (
    <div class="panel-tabs" role="tablist" aria-label="Backstory" ref={strip} onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab.key}
          id={`${idBase}-tab-${tab.key}`}
          type="button"
          role="tab"
          class="panel-tabs__tab"
          aria-selected={tab.key === selected}
          aria-controls={`${idBase}-panel-${tab.key}`}
          tabIndex={tab.key === selected ? 0 : -1}
          onClick={() => onSelect(tab.key)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
