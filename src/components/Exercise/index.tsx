/**
 * <Exercise id="chapter/slug" />: one graded task on the page's lab VM.
 * Start runs setup.sh, Check collects and grades the VM state in the browser,
 * hints and the reference solution are revealed on request.
 */
import React, {useCallback, useEffect, useState, type ReactNode} from 'react';
import clsx from 'clsx';
import CodeBlock from '@theme/CodeBlock';
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import type {ExerciseScripts} from '@site/src/plugins/exercises/types';
import {labStore, useLabState} from '../Lab/labStore';
import {useExerciseIndex} from '../Progress/course';
import {progressStore, useExerciseProgress, useLearnerSeed} from '../Progress/store';
import {Param, ParamsContext, useLearnerParams} from './params';
import {loadTask, taskComponent} from './taskLoader';
import {afterCrash, cannotCheck, checkExercise} from './check';
import type {GradeView} from './result';
import CheckResults from './CheckResults';
import Hints from './Hints';
import styles from './styles.module.css';

export interface ExerciseProps {
  /** Folder under exercises/, e.g. "bridges/two-namespaces". */
  id: string;
}

type SetupState = {kind: 'idle'} | {kind: 'running'} | {kind: 'done'} | {kind: 'error'; message: string};

/**
 * Task headings become small, anchor-less headings under the card's <h3>:
 * two exercises on a page both say "Your task", and duplicate ids would break
 * in-page links.
 */
function TaskHeading({children}: {children?: ReactNode}): ReactNode {
  return <h4 className={styles.taskHeading}>{children}</h4>;
}
const TASK_COMPONENTS = {h1: TaskHeading, h2: TaskHeading, h3: TaskHeading, Param};
/** Bumped to stop the background warm-up: one VM per page, so one counter for the page. */
let warmToken = 0;

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function useScripts(id: string): ExerciseScripts | null {
  const [scripts, setScripts] = useState<ExerciseScripts | null>(null);
  useEffect(() => {
    let live = true;
    loadTask(id).then(
      (t) => live && setScripts(t.scripts),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [id]);
  return scripts;
}

export default function Exercise({id}: ExerciseProps): ReactNode {
  const summary = useExerciseIndex().find((e) => e.id === id);
  if (!summary) {
    // Thrown during the static render, so a typo in a lesson fails the build.
    throw new Error(`<Exercise id="${id}">: there is no exercise folder exercises/${id}/ (check the id).`);
  }
  const Task = taskComponent(id);
  const scripts = useScripts(id);
  const lab = useLabState();
  const saved = useExerciseProgress(id);
  // A seeded exercise (graders/params.ts) is this learner's own: task, solution and grading use their seed.
  const seed = useLearnerSeed();
  const learnerSeed = scripts?.seeded ? seed : null;
  const learner = useLearnerParams(id, learnerSeed);
  const [setup, setSetup] = useState<SetupState>({kind: 'idle'});
  const [result, setResult] = useState<GradeView | null>(null);
  const [checking, setChecking] = useState(false);
  const [warm, setWarm] = useState<'idle' | 'running' | 'done'>('idle');
  const [hintsShown, setHintsShown] = useState(0);
  const [solutionShown, setSolutionShown] = useState(false);
  const solved = saved.solvedAt !== null;
  // Fetch the graders chunk while the learner works, so Check answers at once;
  // a little after the VM is ready, to keep the main thread free for its start.
  useEffect(() => {
    if (lab.status !== 'ready') return undefined;
    const timer = setTimeout(() => void import('./grading'), 2_000);
    return () => clearTimeout(timer);
  }, [lab.status]);
  const hints = scripts?.hints ?? [];
  const visibleHints = Math.max(hintsShown, Math.min(saved.hintsShown, hints.length));

  const runSetup = useCallback(async () => {
    if (!scripts) return;
    setSetup({kind: 'running'});
    setResult(null);
    try {
      const vm = await labStore.start();
      const out = await vm.exec(scripts.setup, {timeoutMs: scripts.setupTimeoutMs});
      if (out.exitCode !== 0) {
        throw new Error(
          `setup.sh exited with status ${out.exitCode}: ${(out.stderr || out.stdout).trim().slice(-400)}`,
        );
      }
      setSetup({kind: 'done'});
      const token = ++warmToken;
      setWarm('running');
      void import('./grading')
        .then((g) => g.warmUpCheck(vm, id, () => token !== warmToken || labStore.getVm() !== vm))
        .catch(() => undefined)
        .finally(() => {
          if (token === warmToken) setWarm('done');
        });
    } catch (err) {
      setSetup({kind: 'error', message: message(err)});
    }
  }, [scripts, id]);

  const check = useCallback(async () => {
    warmToken++; // A Check stops the background warm-up (see grading.ts).
    setWarm('done');
    const vm = labStore.getVm();
    const before = labStore.getState();
    const refused = cannotCheck(vm ? before.status : 'idle', before.problem);
    if (refused || !vm) {
      setResult(refused);
      return;
    }
    setChecking(true);
    const view = await checkExercise(vm, id, learnerSeed ?? undefined);
    const after = labStore.getState();
    progressStore.recordCheck(id, view.verdict);
    setResult(afterCrash(view, after.status, after.problem));
    setChecking(false);
  }, [id, learnerSeed]);

  const showHint = useCallback(() => {
    const next = Math.min(visibleHints + 1, hints.length);
    setHintsShown(next);
    progressStore.recordHints(id, next);
  }, [hints.length, id, visibleHints]);

  const headingId = `exercise-${id.replace(/[^a-z0-9]+/gi, '-')}`;
  // Registered so links to an exercise (from the course map) pass the build's anchor check.
  useBrokenLinks().collectAnchor(headingId);
  return (
    <section
      className={clsx(styles.exercise, solved && styles.solved)}
      aria-labelledby={headingId}
      data-exercise={id}
      data-solved={solved}
      data-warm={warm}>
      <header className={styles.header}>
        <span className={styles.kicker}>Exercise</span>
        <h3 id={headingId} className={styles.title}>
          {summary.title}
        </h3>
        {solved && (
          <span className={styles.solvedBadge} title={`Solved on ${new Date(saved.solvedAt ?? '').toLocaleString()}`}>
            ✓ Solved
          </span>
        )}
      </header>
      <div className={styles.task}>
        {/* No Suspense boundary: the static HTML must hold the task inline
          (see taskLoader.tsx), and the task view waits for its chunk itself. */}
        <ParamsContext.Provider value={learner}>
          <Task components={TASK_COMPONENTS} fallback={<p className={styles.muted}>Loading the task…</p>} />
        </ParamsContext.Provider>
      </div>
      <div className={styles.actions}>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void runSetup()}
          disabled={!scripts || setup.kind === 'running' || lab.status === 'loading'}>
          {setup.kind === 'running' ? 'Setting up…' : 'Start exercise'}
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={() => void check()}
          disabled={checking}
          aria-busy={checking}>
          Check
        </button>
        <span className={styles.spacer} />
        {hints.length > 0 && (
          <button
            type="button"
            className="button button--link"
            onClick={showHint}
            disabled={visibleHints >= hints.length}>
            Show hint
          </button>
        )}
        {hints.length > 0 && (
          <span className={styles.muted} aria-hidden="true">
            {visibleHints}/{hints.length}
          </span>
        )}
        <button
          type="button"
          className="button button--link"
          onClick={() => setSolutionShown((s) => !s)}
          aria-expanded={solutionShown}
          disabled={!scripts}>
          {solutionShown ? 'Hide solution' : 'Show solution'}
        </button>
      </div>
      {setup.kind === 'done' && (
        <p className={styles.note}>The exercise is set up. Work in the lab terminal, then press Check.</p>
      )}
      {setup.kind === 'error' && (
        <p className={styles.errorText} role="alert">
          Setup failed: {setup.message}
        </p>
      )}
      <CheckResults
        result={result}
        checking={checking}
        onReset={() => {
          setResult(null);
          void labStore.reset();
        }}
      />
      <Hints hints={hints} shown={visibleHints} />
      {solutionShown && scripts && (
        <div className={styles.solution}>
          <p className={styles.solutionLabel}>Reference solution (one of several correct ones)</p>
          <CodeBlock language="bash" title="solution.sh">
            {`${learner?.script ?? ''}${scripts.solution}`.trimEnd()}
          </CodeBlock>
        </div>
      )}
    </section>
  );
}
