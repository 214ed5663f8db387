import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabItem<K extends string> {
  key: K;
  label: string;
}

interface TabsProps<K extends string> {
  /** The tab list's accessible name. */
  label: string;
  /** A prefix for the ids of the tabs and the panel. */
  idPrefix: string;
  items: readonly TabItem<K>[];
  selected: K;
  onSelect: (key: K) => void;
  /** The selected tab's content. */
  children: ReactNode;
}

/**
 * The WAI-ARIA tabs pattern with automatic activation: one tab stop for the list, the arrow keys
 * (and Home, End) move between tabs, the panel is labelled by its tab and reachable by Tab.
 */
export function Tabs<K extends string>({
  label,
  idPrefix,
  items,
  selected,
  onSelect,
  children,
}: TabsProps<K>) {
  const refs = useRef(new Map<K, HTMLButtonElement>());
  const tabId = (key: K) => `${idPrefix}-tab-${key}`;
  const panelId = `${idPrefix}-panel`;

  function move(event: KeyboardEvent<HTMLDivElement>) {
    const index = items.findIndex((item) => item.key === selected);
    const last = items.length - 1;
    const target =
      event.key === 'ArrowRight'
        ? index >= last ? 0 : index + 1
        : event.key === 'ArrowLeft'
          ? index <= 0 ? last : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (target === null) return;
    const item = items[target];
    if (item === undefined) return;
    event.preventDefault();
    onSelect(item.key);
    refs.current.get(item.key)?.focus();
  }

  return (
    <div className="tabs">
      {/* The key handler belongs to the tab list itself (WAI-ARIA tabs pattern). */}
      {/* eslint-disable-next-line jsx-a11y/interactive-supports-focus */}
      <div role="tablist" aria-label={label} className="tabs__list" onKeyDown={move}>
        {items.map((item) => {
          const active = item.key === selected;
          return (
            <button
              key={item.key}
              ref={(element) => {
                if (element === null) refs.current.delete(item.key);
                else refs.current.set(item.key, element);
              }}
              type="button"
              role="tab"
              id={tabId(item.key)}
              className={active ? 'tabs__tab tabs__tab--active' : 'tabs__tab'}
              aria-selected={active}
              aria-controls={active ? panelId : undefined}
              tabIndex={active ? 0 : -1}
              onClick={() => {
                onSelect(item.key);
              }}
            >
              {item.label}
            </button>
          );
        })}
      </div>
      {/* APG: a panel whose first content is not focusable is itself a tab stop. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <div role="tabpanel" id={panelId} aria-labelledby={tabId(selected)} tabIndex={0} className="tabs__panel">
        {children}
      </div>
    </div>
  );
}
