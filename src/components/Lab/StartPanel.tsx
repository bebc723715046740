import React, {type ReactNode} from 'react';
import type {LabProgress, LabState} from './labStore';
import {megabytes, percent} from './format';
import {resumeSaved, startFresh, useLabKey, useResumeOffer} from './resumeOffer';
import type {SavedMeta} from './savedMachines';
import styles from './styles.module.css';
import resume from './resume.module.css';

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
/** "x minutes ago" for the resume offer, with the exact time beside it. */
function ago(t: number): string {
  const minutes = Math.round((Date.now() - t) / 60_000);
  const format = new Intl.RelativeTimeFormat(undefined, {numeric: 'auto'});
  if (minutes < 60) return format.format(-minutes, 'minute');
  if (minutes < 48 * 60) return format.format(-Math.round(minutes / 60), 'hour');
  return format.format(-Math.round(minutes / 1440), 'day');
}

function ResumeChoice({meta}: {meta: SavedMeta}): ReactNode {
  const when = new Date(meta.savedAt);
  return (
    <div className={styles.start}>
      <p className={styles.startTitle}>Your machine from last time is saved</p>
      <p className={styles.startNote}>
        Saved {ago(meta.savedAt)} (<time dateTime={when.toISOString()}>{when.toLocaleString()}</time>), with everything
        you created in it. Resume it, or start a fresh machine (the saved one is then discarded).
      </p>
      <div className={resume.choices}>
        <button type="button" className={styles.startButton} onClick={() => resumeSaved(meta)}>
          Resume where you left off
        </button>
        <button type="button" className={resume.secondary} onClick={() => startFresh(meta.key)}>
          Fresh machine
        </button>
      </div>
    </div>
  );
}

export default function StartPanel({state, onStart}: Props): ReactNode {
  const offer = useResumeOffer(useLabKey());
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
  if (offer.kind === 'offer') return <ResumeChoice meta={offer.meta} />;
  return (
    <div className={styles.start}>
      {offer.kind === 'dropped' && (
        <p className={resume.notice} role="status">
          {offer.notice}
        </p>
      )}
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
