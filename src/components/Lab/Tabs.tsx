import React, {type ReactNode} from 'react';
import clsx from 'clsx';
import styles from './styles.module.css';

export const TABS = [
  {index: 0, name: 'Terminal 1', label: 'Lab terminal'},
  {index: 1, name: 'Terminal 2', label: 'Second lab terminal'},
] as const;

/** Tabs after the terminals whose panels are tools, not shells. */
export const TOOL_TABS = [{index: 2, name: 'Topology', label: 'Network topology'}] as const;
const ALL_TABS = [...TABS, ...TOOL_TABS];

interface Props {
  active: number;
  onSelect: (index: number) => void;
}

/** Terminal and tool tabs, keyboard-operable as WAI-ARIA tabs (arrow keys move between them). */
export default function Tabs({active, onSelect}: Props): ReactNode {
  return (
    <div className={styles.tabbar}>
      <div className={styles.tabs} role="tablist" aria-label="Terminals and tools">
        {ALL_TABS.map((t) => (
          <button
            key={t.index}
            type="button"
            role="tab"
            id={`lab-tab-${t.index}`}
            aria-selected={active === t.index}
            aria-controls={`lab-panel-${t.index}`}
            tabIndex={active === t.index ? 0 : -1}
            className={clsx(styles.tab, active === t.index && styles.tabActive)}
            onClick={() => onSelect(t.index)}
            onKeyDown={(e) => {
              if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
              const next = (t.index + (e.key === 'ArrowRight' ? 1 : ALL_TABS.length - 1)) % ALL_TABS.length;
              onSelect(next);
              document.getElementById(`lab-tab-${next}`)?.focus();
            }}>
            <span className={styles.tabPrompt} aria-hidden="true">
              {t.index < TABS.length ? '$' : '◇'}
            </span>
            {t.name}
          </button>
        ))}
      </div>
      <span className={styles.tabHint}>Both terminals are shells on the same machine</span>
    </div>
  );
}
