import React, {type ReactNode} from 'react';
import clsx from 'clsx';
import type {CheckStatus, GradeView} from './result';
import styles from './styles.module.css';

const ICON: Record<CheckStatus, string> = {passed: '✓', failed: '✗', skipped: '–', error: '!'};
const WORD: Record<CheckStatus, string> = {passed: 'Passed', failed: 'Failed', skipped: 'Skipped', error: 'Error'};

function summary(result: GradeView): string {
  if (result.verdict === 'error') return 'Could not check your work';
  const passed = result.checks.filter((c) => c.status === 'passed').length;
  if (result.verdict === 'passed') return `All ${result.checks.length} checks passed. Well done!`;
  return `${passed} of ${result.checks.length} checks passed`;
}

interface Props {
  result: GradeView | null;
  checking: boolean;
  /** Offered when the result says the machine is dead. */
  onReset: () => void;
}

/** Always mounted as role="status" so screen readers announce each new verdict. */
export default function CheckResults({result, checking, onReset}: Props): ReactNode {
  return (
    <div
      role="status"
      aria-label="Check results"
      aria-busy={checking}
      className={clsx(styles.results, result && styles[`verdict_${result.verdict}`])}
      data-verdict={checking ? 'checking' : (result?.verdict ?? 'none')}>
      {checking && (
        <p className={styles.checking}>
          <span className={styles.spinner} aria-hidden="true" />
          Checking your machine… Reading its state takes a few seconds on the emulated CPU.
        </p>
      )}
      {!checking && result && (
        <>
          <p className={styles.summary}>
            {summary(result)}
            {result.elapsedMs > 0 && (
              <span className={styles.elapsed}> · checked in {(result.elapsedMs / 1000).toFixed(1)} s</span>
            )}
          </p>
          {result.error && <p className={styles.errorText}>{result.error}</p>}
          {result.offerReset && (
            <button type="button" className="button button--sm button--danger" onClick={onReset}>
              Reset the lab
            </button>
          )}
          {result.checks.length > 0 && (
            <ul className={styles.checks}>
              {result.checks.map((c) => (
                <li key={c.id} className={clsx(styles.check, styles[`check_${c.status}`])} data-status={c.status}>
                  <span className={styles.checkIcon} aria-hidden="true">
                    {ICON[c.status]}
                  </span>
                  <span className={styles.checkBody}>
                    <span className={styles.checkTitle}>
                      <span className={styles.srOnly}>{WORD[c.status]}: </span>
                      {c.title}
                    </span>
                    {c.message && <span className={styles.checkMessage}>{c.message}</span>}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
