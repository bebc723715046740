import React, {type ReactNode} from 'react';
import type {LabProgress, LabState} from './labStore';
import {megabytes, percent} from './format';
import styles from './styles.module.css';

const PHASES: Record<string, string> = {
  downloading: 'Downloading the machine',
  restoring: 'Restoring the machine',
  booting: 'Booting Linux',
  'fetching files': 'Fetching Linux files',
};

function describe(p: LabProgress): string {
  const phase = PHASES[p.phase] ?? p.phase;
  // Byte counts only mean something for downloads; other phases count steps.
  // Root files arrive on demand, so their total is not known in advance.
  if (p.total === 0 && p.loaded > 0) return `${phase}: ${megabytes(p.loaded)}`;
  return p.total >= 64 * 1024 ? `${phase}: ${megabytes(p.loaded)} of ${megabytes(p.total)}` : `${phase}…`;
}

interface Props {
  state: LabState;
  onStart: () => void;
}

/** What the lab shows before the VM runs: an invitation, then download progress. */
export default function StartPanel({state, onStart}: Props): ReactNode {
  if (state.status === 'loading') {
    const p = state.progress;
    const pct = p ? percent(p) : null;
    return (
      <div className={styles.start}>
        <p className={styles.startTitle}>Starting your Linux machine…</p>
        <div
          className={styles.progress}
          role="progressbar"
          aria-label="Lab download"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={pct ?? undefined}>
          <div className={styles.progressBar} style={{width: `${pct ?? 5}%`}} data-indeterminate={pct === null} />
        </div>
        <p className={styles.startNote}>{p ? describe(p) : 'Preparing…'}</p>
      </div>
    );
  }
  return (
    <div className={styles.start}>
      <p className={styles.startTitle}>A real Debian Linux machine, running in this tab</p>
      <p className={styles.startNote}>
        It runs entirely in your browser: nothing you type leaves your computer. The first start downloads the machine
        once; after that it also works offline.
      </p>
      <button type="button" className={styles.startButton} onClick={onStart}>
        Start lab
      </button>
    </div>
  );
}
