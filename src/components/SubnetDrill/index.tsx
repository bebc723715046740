/**
 * <SubnetDrill />: subnetting questions made for this learner (from the seed
 * kept with their progress), checked as they answer, with the reasoning in
 * binary. The questions and the checking are src/drills/subnetting.ts.
 */
import React, {useId, useMemo, useRef, useState, type FormEvent, type ReactNode} from 'react';
import clsx from 'clsx';
import {useLearnerSeed} from '../Progress/store';
import {checkAnswer, question, type Kind, type Verdict} from '../../drills/subnetting';
import styles from './styles.module.css';

export interface SubnetDrillProps {
  /** Limit the drill to some kinds of question (all by default). */
  kinds?: Kind[];
}

export default function SubnetDrill({kinds}: SubnetDrillProps): ReactNode {
  const seed = useLearnerSeed();
  const [index, setIndex] = useState(0);
  const [answer, setAnswer] = useState('');
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [answered, setAnswered] = useState(false);
  const [score, setScore] = useState({right: 0, asked: 0});
  const input = useRef<HTMLInputElement>(null);
  const ids = useId();
  const q = useMemo(() => (seed === null ? null : question(seed, index, kinds)), [seed, index, kinds]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!q) return;
    const v = checkAnswer(q, answer);
    // Only the first readable answer to a question counts toward the score.
    if (v.readable && !answered) {
      setAnswered(true);
      setScore((s) => ({right: s.right + (v.ok ? 1 : 0), asked: s.asked + 1}));
    }
    setVerdict(v);
  };

  const next = () => {
    setIndex((i) => i + 1);
    setAnswer('');
    setVerdict(null);
    setAnswered(false);
    input.current?.focus();
  };

  return (
    <section className={styles.drill} aria-labelledby={`${ids}-title`}>
      <header className={styles.header}>
        <span className={styles.kicker}>Drill</span>
        <h3 id={`${ids}-title`} className={styles.title}>
          Subnetting practice
        </h3>
        <span className={styles.score} aria-label={`${score.right} right out of ${score.asked}`}>
          {score.right}/{score.asked}
        </span>
      </header>
      {q === null ? (
        <p className={styles.muted}>Loading your questions…</p>
      ) : (
        <form onSubmit={submit} className={styles.form}>
          <p id={`${ids}-prompt`} className={styles.prompt}>
            {q.prompt}
          </p>
          <label htmlFor={`${ids}-answer`} className={styles.label}>
            Your answer <span className={styles.muted}>({q.format})</span>
          </label>
          <div className={styles.row}>
            <input
              ref={input}
              id={`${ids}-answer`}
              className={styles.input}
              value={answer}
              onChange={(e) => setAnswer(e.target.value)}
              aria-describedby={`${ids}-prompt ${ids}-feedback`}
              autoComplete="off"
              spellCheck={false}
            />
            <button type="submit" className="button button--primary">
              Check answer
            </button>
            <button type="button" className="button button--secondary" onClick={next}>
              New question
            </button>
          </div>
        </form>
      )}
      <div
        id={`${ids}-feedback`}
        role="status"
        aria-live="polite"
        className={clsx(styles.feedback, verdict && (verdict.ok ? styles.right : styles.wrong))}>
        {verdict && (
          <>
            <strong>{verdict.ok ? 'Correct: ' : verdict.readable ? 'Not quite. ' : ''}</strong>
            {verdict.feedback}
          </>
        )}
      </div>
    </section>
  );
}
