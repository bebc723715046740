/** Chapters with their exercises and the learner's ✓ marks, n of m per chapter. */
import React, {type ReactNode} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import {CHAPTERS} from '../Progress/chapters';
import {useChapterProgress} from '../Progress/course';
import styles from './styles.module.css';

export default function CourseMap({compact = false}: {compact?: boolean}): ReactNode {
  const progress = useChapterProgress();
  return (
    <ol className={clsx(styles.map, compact && styles.compact)}>
      {CHAPTERS.map((ch, i) => {
        const p = progress.get(ch.id);
        const solved = p?.solved ?? 0;
        const total = p?.total ?? 0;
        const done = total > 0 && solved === total;
        return (
          <li key={ch.id} className={clsx(styles.chapter, done && styles.done)} data-chapter={ch.id}>
            <div className={styles.head}>
              <span className={styles.number} aria-hidden="true">
                {done ? '✓' : i + 1}
              </span>
              <div className={styles.headText}>
                <Link to={ch.path} className={styles.chapterTitle}>
                  {ch.title}
                </Link>
                {!compact && <p className={styles.blurb}>{ch.blurb}</p>}
              </div>
              <span className={styles.count} aria-label={`${solved} of ${total} exercises solved`}>
                {solved} of {total}
              </span>
            </div>
            <div className={styles.bar} aria-hidden="true">
              <div style={{width: total ? `${(solved / total) * 100}%` : 0}} />
            </div>
            {!compact && p && (
              <ul className={styles.exercises}>
                {p.exercises.map((ex) => (
                  <li key={ex.id} className={clsx(ex.solved && styles.solved)}>
                    <span className={styles.mark} aria-hidden="true">
                      {ex.solved ? '✓' : '○'}
                    </span>
                    <Link to={`${ch.path}#exercise-${ex.id.replace(/[^a-z0-9]+/gi, '-')}`}>{ex.title}</Link>
                    <span className={styles.srOnly}>{ex.solved ? ' (solved)' : ' (not solved yet)'}</span>
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
