import React, {type ReactNode} from 'react';
import clsx from 'clsx';
import type {LabState} from './labStore';
import {percent} from './format';
import styles from './styles.module.css';

const TEXT: Record<LabState['status'], string> = {
  idle: 'Not started',
  loading: 'Starting',
  ready: 'Ready',
  crashed: 'Stopped working',
  stopped: 'Stopped',
};

/** A live region, not role="status": that role is reserved for Check results. */
export default function StatusBadge({state}: {state: LabState}): ReactNode {
  const pct = state.status === 'loading' && state.progress ? percent(state.progress) : null;
  return (
    <span className={clsx(styles.badge, styles[`badge_${state.status}`])} aria-live="polite">
      <span className={styles.badgeDot} aria-hidden="true" />
      {TEXT[state.status]}
      {pct !== null && ` ${pct}%`}
    </span>
  );
}
