/** The capture's frames, one line each, as tcpdump -r would list them (time relative to the first). */
import React, {type ReactNode} from 'react';
import clsx from 'clsx';
import type {Frame} from '@site/src/packets/types';
import styles from './styles.module.css';

interface Props {
  frames: Frame[];
  selected: number;
  onSelect: (index: number) => void;
}

export default function FrameList({frames, selected, onSelect}: Props): ReactNode {
  const t0 = frames[0]?.time ?? 0;
  return (
    <div
      className={styles.frames}
      role="listbox"
      aria-label="Frames"
      tabIndex={0}
      aria-activedescendant={`pv-frame-${selected}`}
      onKeyDown={(e) => {
        const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
        if (step === 0) return;
        e.preventDefault();
        const next = Math.min(frames.length - 1, Math.max(0, selected + step));
        onSelect(next);
        document.getElementById(`pv-frame-${next}`)?.scrollIntoView({block: 'nearest'});
      }}>
      {frames.map((f, i) => (
        <div
          key={f.number}
          id={`pv-frame-${i}`}
          role="option"
          aria-selected={i === selected}
          className={clsx(styles.frameRow, i === selected && styles.frameSelected)}
          onClick={() => onSelect(i)}>
          <span className={styles.frameNo}>{f.number}</span>
          <span className={styles.frameTime}>{(f.time - t0).toFixed(6)}</span>
          <span className={styles.frameSummary}>{f.summary}</span>
        </div>
      ))}
    </div>
  );
}
