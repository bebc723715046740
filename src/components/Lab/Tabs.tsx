import React, {type ReactNode} from 'react';
import clsx from 'clsx';
import styles from './styles.module.css';

export const TABS = [
  {index: 0, name: 'Terminal 1', label: 'Lab terminal'},
  {index: 1, name: 'Terminal 2', label: 'Second lab terminal'},
] as const;

/** The tab indexes of the tools after the terminals. */
export const TOPOLOGY_TAB = 2;
export const FILES_TAB = 3;

/** Every tab in order: the terminals, then the tools (not shells, so no $ prompt). */
const ALL: ReadonlyArray<{index: number; name: string; icon: string}> = [
  ...TABS.map((t) => ({...t, icon: '$'})),
  {index: TOPOLOGY_TAB, name: 'Topology', icon: '◇'},
  {index: FILES_TAB, name: 'Files', icon: '✎'},
];

interface Props {
  active: number;
  onSelect: (index: number) => void;
}

/** The lab's tabs, keyboard-operable as WAI-ARIA tabs (arrow keys move between them). */
export default function Tabs({active, onSelect}: Props): ReactNode {
  return (
    <div className={styles.tabbar}>
      <div className={styles.tabs} role="tablist" aria-label="Lab views">
        {ALL.map((t, position) => (
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
              const next = ALL[(position + (e.key === 'ArrowRight' ? 1 : ALL.length - 1)) % ALL.length].index;
              onSelect(next);
              document.getElementById(`lab-tab-${next}`)?.focus();
            }}>
            <span className={styles.tabPrompt} aria-hidden="true">
              {t.icon}
            </span>
            {t.name}
          </button>
        ))}
      </div>
      <span className={styles.tabHint}>Both terminals are shells on the same machine</span>
    </div>
  );
}
