import React, {Fragment, type ReactNode} from 'react';
import type {HintData} from '@site/src/plugins/exercises/types';
import styles from './styles.module.css';

/** Hints are short prose; `backticks` become inline code, nothing else is parsed. */
function inline(text: string): ReactNode {
  return text
    .split(/(`[^`]+`)/g)
    .map((part, i) =>
      part.startsWith('`') && part.endsWith('`') && part.length > 1 ? (
        <code key={i}>{part.slice(1, -1)}</code>
      ) : (
        <Fragment key={i}>{part}</Fragment>
      ),
    );
}

export default function Hints({hints, shown}: {hints: HintData[]; shown: number}): ReactNode {
  if (shown === 0) return null;
  return (
    <ol className={styles.hints} aria-label="Hints">
      {hints.slice(0, shown).map((h, i) => (
        <li key={i} className={styles.hint}>
          <span className={styles.hintLabel}>
            Hint {i + 1}
            {h.check && <span className={styles.hintFor}> · {h.check}</span>}
          </span>
          <p>{inline(h.text)}</p>
        </li>
      ))}
    </ol>
  );
}
