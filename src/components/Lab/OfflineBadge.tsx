import React, {useEffect, type ReactNode} from 'react';
import type {VmStatus} from '@site/src/vm/types';
import {saveForOffline, useOfflineState} from './offline';
import styles from './styles.module.css';

/** Says whether this lab will start again with the network gone. */
export default function OfflineBadge({status}: {status: VmStatus}): ReactNode {
  const offline = useOfflineState();
  // After the lab is up, so the first start never waits behind the offline copy.
  useEffect(() => {
    if (status === 'ready') saveForOffline();
  }, [status]);
  // The dev server has no offline worker on purpose: nothing to say there.
  if (offline.kind === 'idle' || (offline.kind === 'unavailable' && process.env.NODE_ENV !== 'production')) return null;
  const text =
    offline.kind === 'saving'
      ? `Saving for offline ${Math.floor((100 * offline.done) / Math.max(offline.total, 1))}%`
      : offline.kind === 'ready'
        ? 'Works offline'
        : 'Online only';
  return (
    <span
      className={styles.offline}
      data-offline={offline.kind}
      title={
        offline.kind === 'unavailable'
          ? `Not available offline: ${offline.why}`
          : 'This lab starts again without a network connection'
      }>
      {text}
    </span>
  );
}
