/**
 * The course outline (course/outline.ts) as parts and chapters, with the
 * learner's ✓ marks, n of m per chapter. Used on the home, intro and
 * progress pages.
 */
import React, {type ReactNode} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import {useChapterPaths, useChapterProgress, useCourseParts} from '../Progress/course';
import styles from './styles.module.css';

const anchor = (id: string) => `#exercise-${id.replace(/[^a-z0-9]+/gi, '-')}`;

export default function CourseMap({compact = false}: {compact?: boolean}): ReactNode {
  const parts = useCourseParts();
  const progress = useChapterProgress();
  const paths = useChapterPaths();
  // Chapters are numbered through the whole course, not per part.
  let number = 0;
  return (
    <div className={clsx(styles.course, compact && styles.compact)}>
      {parts.map((part) => (
        <section key={part.id} className={styles.part} data-part={part.id}>
          <h3 className={styles.partTitle}>{part.title}</h3>
          <ol className={styles.map}>
            {part.chapters.map((ch) => {
              number += 1;
              const p = progress.get(ch.id);
              const solved = p?.solved ?? 0;
              const total = p?.total ?? 0;
              const done = total > 0 && solved === total;
              const path = paths.get(ch.id) ?? '#';
              return (
                <li key={ch.id} className={clsx(styles.chapter, done && styles.done)} data-chapter={ch.id}>
                  <div className={styles.head}>
                    <span className={styles.number} aria-hidden="true">
                      {done ? '✓' : number}
                    </span>
                    <div className={styles.headText}>
                      <Link to={path} className={styles.chapterTitle}>
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
                          <Link to={`${path}${anchor(ex.id)}`}>{ex.title}</Link>
                          <span className={styles.srOnly}>{ex.solved ? ' (solved)' : ' (not solved yet)'}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </div>
  );
}
